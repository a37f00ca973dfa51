package io.agnt2.protocol.value;

import io.agnt2.protocol.Hex;

import java.util.Arrays;

/** A 32-byte word (a Solidity {@code bytes32}): hashes, capability and invocation ids. Printed as 0x-hex. */
public final class Bytes32 implements Comparable<Bytes32> {

    public static final int LENGTH = 32;
    public static final Bytes32 ZERO = new Bytes32(new byte[LENGTH]);

    private final byte[] bytes;

    private Bytes32(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Bytes32 of(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException("bytes32 must be 32 bytes, got " + (bytes == null ? "null" : bytes.length));
        }
        return new Bytes32(bytes.clone());
    }

    public static Bytes32 fromHex(String hex) {
        return new Bytes32(Hex.decode(hex, LENGTH, "bytes32"));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public boolean isZero() {
        return equals(ZERO);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes32 that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Unsigned byte order: the order of sorted maps in the record encoding. */
    @Override
    public int compareTo(Bytes32 other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public String toString() {
        return Hex.encode(bytes);
    }
}
