package io.agnt2.protocol.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Big-endian fixed-width and length-prefixed writes for the binary codecs. */
final class ByteWriter {

    private final ByteArrayOutputStream out;

    ByteWriter(int expectedSize) {
        this.out = new ByteArrayOutputStream(expectedSize);
    }

    ByteWriter u8(int value) {
        out.write(value);
        return this;
    }

    ByteWriter u16(int value) {
        out.write(value >>> 8);
        out.write(value);
        return this;
    }

    ByteWriter u32(long value) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
        return this;
    }

    ByteWriter u64(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
        return this;
    }

    ByteWriter bytes(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** u16 byte length, then the UTF-8 bytes. */
    ByteWriter string(String value, String what) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > 0xffff) {
            throw new IllegalArgumentException(what + " is longer than 65535 UTF-8 bytes");
        }
        return u16(utf8.length).bytes(utf8);
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
