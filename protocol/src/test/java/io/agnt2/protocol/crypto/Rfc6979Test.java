package io.agnt2.protocol.crypto;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Rfc6979Test {

    @Test
    void sameNonceAsBouncyCastlesCalculator() {
        Random random = new Random(6979);
        for (int i = 0; i < 300; i++) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            key[0] &= 0x7f;
            key[31] |= 1;
            byte[] digest = new byte[32];
            random.nextBytes(digest);
            if (i % 50 == 0) {
                java.util.Arrays.fill(digest, (byte) 0xff); // a hash above n: bits2octets reduces it
            }
            HMacDSAKCalculator reference = new HMacDSAKCalculator(new SHA256Digest());
            reference.init(Signature.CURVE_ORDER, new BigInteger(1, key), digest);
            assertEquals(reference.nextK(), Rfc6979.nonce(key, digest), "case " + i);
        }
    }

    @Test
    void rfc6979AppendixStyleVector() {
        // secp256k1, key 1, message hash sha256("Satoshi Nakamoto"): the widely published k
        byte[] key = new byte[32];
        key[31] = 1;
        byte[] digest = sha256("Satoshi Nakamoto");
        assertEquals(new BigInteger("8F8A276C19F4149656B280621E358CCE24F5F52542772691EE69063B74F15D15", 16),
                Rfc6979.nonce(key, digest));
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
