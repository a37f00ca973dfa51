package io.agnt2.protocol.crypto;

import io.agnt2.protocol.Hex;

import java.math.BigInteger;
import java.security.SecureRandom;

/** A secp256k1 private key: 32 bytes in [1, n-1]. {@link #toString()} never shows it. */
public final class PrivateKey {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;

    private PrivateKey(byte[] bytes) {
        this.bytes = bytes;
    }

    public static PrivateKey of(byte[] bytes) {
        if (bytes.length != 32) {
            throw new IllegalArgumentException("private key must be 32 bytes, got " + bytes.length);
        }
        BigInteger d = new BigInteger(1, bytes);
        if (d.signum() == 0 || d.compareTo(Signature.CURVE_ORDER) >= 0) {
            throw new IllegalArgumentException("private key is out of range [1, n-1]");
        }
        return new PrivateKey(bytes.clone());
    }

    public static PrivateKey fromHex(String hex) {
        return of(Hex.decode(hex, 32, "private key"));
    }

    /** A fresh key from {@link SecureRandom}; retries the (2^-128 likely) out-of-range draw. */
    public static PrivateKey random() {
        byte[] candidate = new byte[32];
        while (true) {
            RANDOM.nextBytes(candidate);
            BigInteger d = new BigInteger(1, candidate);
            if (d.signum() > 0 && d.compareTo(Signature.CURVE_ORDER) < 0) {
                return new PrivateKey(candidate);
            }
        }
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String toHex() {
        return Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PrivateKey that && java.security.MessageDigest.isEqual(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "PrivateKey[redacted]";
    }
}
