package io.agnt2.protocol.crypto;

import io.agnt2.protocol.Hex;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * A recoverable secp256k1 signature (r, s, v) with {@code v} = 27 or 28, as Ethereum wallets return it
 * and {@code ecrecover} takes it. Without v it is a {@link CompactSignature}.
 *
 * <p>Only canonical signatures exist as objects: 1 &le; r &lt; n and 1 &le; s &le; n/2 (low-s, EIP-2).
 * Rejecting high-s at the edge means one interaction has exactly one valid signature per key, so no
 * one can re-post a signed interaction under a second, malleated encoding.
 */
public final class Signature {

    /** Bytes of r||s||v. */
    public static final int LENGTH = 65;

    static final BigInteger CURVE_ORDER = CompactSignature.CURVE_ORDER;
    static final BigInteger HALF_CURVE_ORDER = CompactSignature.HALF_CURVE_ORDER;

    private final byte[] rs; // r (32) || s (32)
    private final int v;

    private Signature(byte[] rs, int v) {
        this.rs = rs;
        this.v = v;
    }

    /** From r, s and v (v may be 0/1 or 27/28). */
    public static Signature of(BigInteger r, BigInteger s, int v) {
        byte[] rs = new byte[64];
        System.arraycopy(toBytes32(r, "r"), 0, rs, 0, 32);
        System.arraycopy(toBytes32(s, "s"), 0, rs, 32, 32);
        return validated(rs, v);
    }

    /** From 64 compact bytes r||s and a recovery id 0 or 1. */
    public static Signature ofCompact(byte[] compact64, int recoveryId) {
        if (compact64.length != 64) {
            throw new IllegalArgumentException("compact signature must be 64 bytes, got " + compact64.length);
        }
        return validated(compact64.clone(), recoveryId);
    }

    /** From the 65 bytes r||s||v (v may be 0/1 or 27/28). */
    public static Signature fromBytes(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("signature must be 65 bytes (r||s||v), got " + bytes.length);
        }
        return validated(Arrays.copyOf(bytes, 64), bytes[64] & 0xff);
    }

    /** From {@code 0x}-hex of the 65 bytes r||s||v (v may be 0/1 or 27/28). */
    public static Signature fromHex(String hex) {
        return fromBytes(Hex.decode(hex, LENGTH, "signature (r||s||v)"));
    }

    private static Signature validated(byte[] rs, int v) {
        int normalizedV = switch (v) {
            case 0, 1 -> v + 27;
            case 27, 28 -> v;
            default -> throw new IllegalArgumentException("signature v must be 27 or 28 (or 0 or 1), got " + v);
        };
        CompactSignature.checkCanonical(rs);
        return new Signature(rs, normalizedV);
    }

    /** For this package: {@code rs} is canonical (a {@link CompactSignature}'s), v is 27 or 28. */
    static Signature ofCanonical(byte[] rs, int v) {
        return new Signature(rs, v);
    }

    private static byte[] toBytes32(BigInteger value, String name) {
        if (value.signum() < 0 || value.bitLength() > 256) {
            throw new IllegalArgumentException("signature " + name + " does not fit in 32 unsigned bytes");
        }
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }

    public BigInteger r() {
        return new BigInteger(1, Arrays.copyOfRange(rs, 0, 32));
    }

    public BigInteger s() {
        return new BigInteger(1, Arrays.copyOfRange(rs, 32, 64));
    }

    /** 27 or 28. */
    public int v() {
        return v;
    }

    /** 0 or 1: which of the two candidate public keys signed. */
    public int recoveryId() {
        return v - 27;
    }

    /** r||s, the 64-byte form libsecp256k1 takes. */
    public byte[] compact() {
        return rs.clone();
    }

    /** r||s as a {@link CompactSignature}: this signature without its v (the two share the bytes). */
    public CompactSignature withoutRecoveryId() {
        return CompactSignature.ofCanonical(rs);
    }

    /** r||s without a copy, for this package's native calls, which only read it. */
    byte[] compactView() {
        return rs;
    }

    /** r||s||v with v = 27/28. */
    public byte[] toBytes() {
        byte[] out = Arrays.copyOf(rs, LENGTH);
        out[64] = (byte) v;
        return out;
    }

    public String toHex() {
        return Hex.encode(toBytes());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Signature that && v == that.v && Arrays.equals(rs, that.rs);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(rs) + v;
    }

    @Override
    public String toString() {
        return toHex();
    }
}
