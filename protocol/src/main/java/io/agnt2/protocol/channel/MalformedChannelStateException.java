package io.agnt2.protocol.channel;

/** Bytes that are not the canonical encoding of a signed channel state; the message says where and why. */
public final class MalformedChannelStateException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    MalformedChannelStateException(String message) {
        super(message);
    }
}
