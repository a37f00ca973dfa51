package io.agnt2.protocol.crypto;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Finds a native signature's recovery id from its nonce, without recovering a public key.
 *
 * <p>libsecp256k1 signs with the RFC 6979 nonce k (HMAC-SHA256 over key and digest, no extra data),
 * so k can be derived again here; the nonce point R = k·G is a fixed-base multiplication (about half
 * a recovery), and the recovery id is the parity of R's y, flipped when the library negated s to make
 * it low. Both facts are checked against the signature itself (R's x must be r; k⁻¹(z + r·d) must be s
 * or n - s): if either fails, the caller falls back to trial recovery, so a difference in the
 * library's nonce function could cost time but never give a wrong {@code v}.
 */
final class NoncePoint {

    private static final BigInteger N = Signature.CURVE_ORDER;

    private NoncePoint() {
    }

    /**
     * @param pointOf k (32 bytes) to the uncompressed point 0x04||x||y, by the native library
     * @return 0 or 1, or -1 when the signature is not the one this nonce gives (use trial recovery)
     */
    static int recoveryId(byte[] digest32, byte[] privateKey32, byte[] compact64,
                          java.util.function.Function<byte[], byte[]> pointOf) {
        BigInteger k = Rfc6979.nonce(privateKey32, digest32);
        byte[] point = pointOf.apply(CompactSignature.toBytes32(k));
        if (point.length != 65 || !Arrays.equals(point, 1, 33, compact64, 0, 32)) {
            return -1; // R.x is not r: another nonce, or R.x >= n (recovery id 2 or 3)
        }
        int yParity = point[64] & 1;
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(compact64, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(compact64, 32, 64));
        BigInteger d = new BigInteger(1, privateKey32);
        BigInteger z = new BigInteger(1, digest32);
        // The signature's own s0 = k^-1 (z + r d); compared as s·k against z + r·d, without an inverse.
        BigInteger zrd = z.add(r.multiply(d)).mod(N);
        BigInteger sk = s.multiply(k).mod(N);
        if (sk.equals(zrd)) {
            return yParity;
        }
        if (sk.equals(N.subtract(zrd))) {
            return yParity ^ 1; // the library negated s to the low half, which mirrors R
        }
        return -1;
    }
}
