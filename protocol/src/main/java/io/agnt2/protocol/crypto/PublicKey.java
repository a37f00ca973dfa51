package io.agnt2.protocol.crypto;

import io.agnt2.protocol.Hex;

import java.util.Arrays;

/**
 * A secp256k1 public key as the 64 bytes x||y (the uncompressed point without its 0x04 tag), the form
 * Ethereum hashes into an address. Instances come from {@link Secp256k1}, which only yields points on
 * the curve.
 */
public final class PublicKey {

    private final byte[] xy;
    /** 0x04||x||y, what libsecp256k1 parses; built once, a channel checks thousands of signatures by one key. */
    private final byte[] uncompressed;

    private PublicKey(byte[] xy) {
        this.xy = xy;
        this.uncompressed = new byte[65];
        uncompressed[0] = 0x04;
        System.arraycopy(xy, 0, uncompressed, 1, 64);
    }

    /** From 64 bytes x||y, or 65 bytes 0x04||x||y. */
    public static PublicKey ofUncompressed(byte[] bytes) {
        if (bytes.length == 65 && bytes[0] == 0x04) {
            return new PublicKey(Arrays.copyOfRange(bytes, 1, 65));
        }
        if (bytes.length == 64) {
            return new PublicKey(bytes.clone());
        }
        throw new IllegalArgumentException(
                "uncompressed public key must be 64 bytes (x||y) or 65 bytes (0x04||x||y), got " + bytes.length);
    }

    /** True when {@code uncompressed} is 0x04||x||y of this key, without copying either. */
    public boolean matchesUncompressed(byte[] uncompressed) {
        return uncompressed.length == 65 && uncompressed[0] == 0x04 && Arrays.equals(xy, 0, 64, uncompressed, 1, 65);
    }

    /** 0x04||x||y without a copy, for this package's calls that only read it. */
    byte[] uncompressedView() {
        return uncompressed;
    }

    /** x||y. */
    public byte[] bytes() {
        return xy.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PublicKey that && Arrays.equals(xy, that.xy);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(xy);
    }

    @Override
    public String toString() {
        return Hex.encode(xy);
    }
}
