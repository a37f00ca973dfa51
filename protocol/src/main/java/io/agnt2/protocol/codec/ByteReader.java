package io.agnt2.protocol.codec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads what {@link ByteWriter} wrote, failing with a {@link MalformedEncodingException} that names the
 * field and the offset, since the input comes from the network or from L1 calldata.
 */
final class ByteReader {

    private final byte[] input;
    private int offset;

    ByteReader(byte[] input) {
        if (input == null) {
            throw new IllegalArgumentException("malformed input: null");
        }
        this.input = input;
    }

    int u8(String what) {
        require(1, what);
        return input[offset++] & 0xff;
    }

    int u16(String what) {
        require(2, what);
        int value = ((input[offset] & 0xff) << 8) | (input[offset + 1] & 0xff);
        offset += 2;
        return value;
    }

    long u32(String what) {
        require(4, what);
        long value = 0;
        for (int i = 0; i < 4; i++) {
            value = (value << 8) | (input[offset++] & 0xff);
        }
        return value;
    }

    long u64(String what) {
        require(8, what);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (input[offset++] & 0xff);
        }
        return value;
    }

    byte[] bytes(int length, String what) {
        require(length, what);
        byte[] out = Arrays.copyOfRange(input, offset, offset + length);
        offset += length;
        return out;
    }

    /** u16 length, then UTF-8 that must be well-formed, so that re-encoding gives the same bytes. */
    String string(String what) {
        byte[] utf8 = bytes(u16(what + " length"), what);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed(what + " is not valid UTF-8");
        }
    }

    int remaining() {
        return input.length - offset;
    }

    boolean atEnd() {
        return offset == input.length;
    }

    void requireEnd(String what) {
        if (!atEnd()) {
            throw malformed((input.length - offset) + " trailing bytes after the " + what);
        }
    }

    MalformedEncodingException malformed(String problem) {
        return new MalformedEncodingException("malformed input at byte " + offset + ": " + problem);
    }

    private void require(int length, String what) {
        if (input.length - offset < length) {
            throw malformed("truncated while reading " + what + " (needs " + length + " bytes, "
                    + (input.length - offset) + " left)");
        }
    }
}
