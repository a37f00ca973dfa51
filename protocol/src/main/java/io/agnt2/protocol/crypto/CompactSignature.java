package io.agnt2.protocol.crypto;

import io.agnt2.protocol.Hex;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * A secp256k1 signature as the 64 bytes r||s, without Ethereum's {@code v}: what libsecp256k1 signs and
 * verifies against a known public key. It cannot name its signer by itself (no recovery id), so it is
 * checked with {@link Secp256k1#verify} against the key one expects, and becomes an Ethereum
 * {@link Signature} (r||s||v, what {@code ecrecover} takes) only through
 * {@link Secp256k1#withRecoveryId}, the one place that derives {@code v} for it.
 *
 * <p>Only canonical signatures exist as objects: 1 &le; r &lt; n and 1 &le; s &le; n/2 (low-s, EIP-2),
 * the same rule as {@link Signature}'s, so one state has exactly one signature per key in either form.
 */
public final class CompactSignature {

    /** Bytes of r||s. */
    public static final int LENGTH = 64;

    static final BigInteger CURVE_ORDER =
            new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
    static final BigInteger HALF_CURVE_ORDER = CURVE_ORDER.shiftRight(1);
    private static final byte[] ORDER_BYTES = toBytes32(CURVE_ORDER);
    private static final byte[] HALF_ORDER_BYTES = toBytes32(HALF_CURVE_ORDER);

    private final byte[] rs;

    private CompactSignature(byte[] rs) {
        this.rs = rs;
    }

    /** From the 64 bytes r||s; refuses r or s out of range and high s. */
    public static CompactSignature of(byte[] rs64) {
        if (rs64 == null || rs64.length != LENGTH) {
            throw new IllegalArgumentException("compact signature must be 64 bytes (r||s), got "
                    + (rs64 == null ? "null" : rs64.length));
        }
        byte[] copy = rs64.clone();
        checkCanonical(copy);
        return new CompactSignature(copy);
    }

    /** From {@code 0x}-hex of the 64 bytes r||s. */
    public static CompactSignature fromHex(String hex) {
        return of(Hex.decode(hex, LENGTH, "compact signature (r||s)"));
    }

    /** For this package: {@code rs} is canonical already and nobody else holds it. */
    static CompactSignature ofCanonical(byte[] rs) {
        return new CompactSignature(rs);
    }

    /**
     * The canonical-form rule shared by both signature types. Compared as 32-byte big-endian words:
     * every received channel update parses signatures, and BigInteger would allocate four numbers for
     * what a few byte comparisons decide.
     */
    static void checkCanonical(byte[] rs) {
        if (isZero(rs, 0) || Arrays.compareUnsigned(rs, 0, 32, ORDER_BYTES, 0, 32) >= 0) {
            throw new IllegalArgumentException("signature r is out of range [1, n-1]");
        }
        if (isZero(rs, 32) || Arrays.compareUnsigned(rs, 32, 64, ORDER_BYTES, 0, 32) >= 0) {
            throw new IllegalArgumentException("signature s is out of range [1, n-1]");
        }
        if (Arrays.compareUnsigned(rs, 32, 64, HALF_ORDER_BYTES, 0, 32) > 0) {
            throw new IllegalArgumentException("signature is not canonical: s is above n/2 (high-s, see EIP-2)");
        }
    }

    private static boolean isZero(byte[] bytes, int from) {
        for (int i = from; i < from + 32; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** A scalar below 2^256 as 32 big-endian bytes (r, s, nonces, curve constants). */
    static byte[] toBytes32(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }

    /**
     * The Ethereum form with recovery id 0 or 1, for a caller that knows which one it is. Anyone else
     * asks {@link Secp256k1#withRecoveryId}, which finds it.
     */
    public Signature withRecoveryId(int recoveryId) {
        if (recoveryId != 0 && recoveryId != 1) {
            throw new IllegalArgumentException("recovery id must be 0 or 1, got " + recoveryId);
        }
        return Signature.ofCanonical(rs, recoveryId + 27);
    }

    public BigInteger r() {
        return new BigInteger(1, Arrays.copyOfRange(rs, 0, 32));
    }

    public BigInteger s() {
        return new BigInteger(1, Arrays.copyOfRange(rs, 32, 64));
    }

    /** r||s. */
    public byte[] bytes() {
        return rs.clone();
    }

    /** r||s without a copy, for this package's native calls and codecs that only read it. */
    byte[] view() {
        return rs;
    }

    /** Writes r||s into {@code out} at {@code offset}, without an intermediate copy. */
    public void writeTo(byte[] out, int offset) {
        System.arraycopy(rs, 0, out, offset, LENGTH);
    }

    public String toHex() {
        return Hex.encode(rs);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CompactSignature that && Arrays.equals(rs, that.rs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(rs);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
