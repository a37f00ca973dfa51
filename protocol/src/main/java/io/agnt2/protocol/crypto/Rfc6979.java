package io.agnt2.protocol.crypto;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * The deterministic ECDSA nonce of RFC 6979 section 3.2 for secp256k1 with HMAC-SHA256, the nonce
 * libsecp256k1 signs with when given no extra data. BouncyCastle's {@code HMacDSAKCalculator} computes
 * the same value (a test holds them equal) but on its own pure-Java SHA-256; this one runs on the JDK's
 * {@code HmacSHA256}, whose SHA-256 the JIT compiles to the CPU's SHA instructions, about five times
 * faster, and it is on the path of every signature a channel node makes.
 */
final class Rfc6979 {

    private static final BigInteger N = Signature.CURVE_ORDER;
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always has HmacSHA256", e);
        }
    });

    private Rfc6979() {
    }

    /** k for private key {@code x} (32 bytes, in [1, n-1]) and the 32-byte message hash {@code digest32}. */
    static BigInteger nonce(byte[] x, byte[] digest32) {
        Mac mac = HMAC.get();
        byte[] h1 = CompactSignature.toBytes32(new BigInteger(1, digest32).mod(N)); // bits2octets: the hash reduced mod n
        byte[] v = new byte[32];
        Arrays.fill(v, (byte) 1);
        byte[] k = new byte[32];
        k = hmac(mac, k, v, new byte[] {0}, x, h1);
        v = hmac(mac, k, v);
        k = hmac(mac, k, v, new byte[] {1}, x, h1);
        v = hmac(mac, k, v);
        while (true) {
            v = hmac(mac, k, v);
            BigInteger candidate = new BigInteger(1, v); // qlen = hlen = 256: bits2int takes all of T
            if (candidate.signum() > 0 && candidate.compareTo(N) < 0) {
                return candidate;
            }
            k = hmac(mac, k, v, new byte[] {0});
            v = hmac(mac, k, v);
        }
    }

    private static byte[] hmac(Mac mac, byte[] key, byte[]... parts) {
        try {
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 takes any 32-byte key", e);
        }
        for (byte[] part : parts) {
            mac.update(part);
        }
        return mac.doFinal();
    }
}
