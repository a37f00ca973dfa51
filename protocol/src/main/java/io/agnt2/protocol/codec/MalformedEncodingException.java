package io.agnt2.protocol.codec;

/** Bytes that are not a canonical encoding; the message names the field and the byte offset. */
public final class MalformedEncodingException extends IllegalArgumentException {

    MalformedEncodingException(String message) {
        super(message);
    }
}
