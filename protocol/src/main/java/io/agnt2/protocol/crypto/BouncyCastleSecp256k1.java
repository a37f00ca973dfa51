package io.agnt2.protocol.crypto;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

import java.math.BigInteger;

/**
 * Pure-Java secp256k1 on BouncyCastle, the fallback where the native library does not load.
 *
 * <p>Matches libsecp256k1 byte for byte: RFC 6979 nonces with HMAC-SHA256, then s normalised to the
 * lower half. BouncyCastle does not return the nonce point, so {@code v} is found by trial recovery.
 */
public final class BouncyCastleSecp256k1 implements Secp256k1 {

    private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
    private static final ECDomainParameters CURVE =
            new ECDomainParameters(PARAMS.getCurve(), PARAMS.getG(), PARAMS.getN(), PARAMS.getH());

    @Override
    public Signature sign(byte[] digest32, PrivateKey key) {
        Secp256k1.requireDigest(digest32);
        BigInteger d = new BigInteger(1, key.bytes());
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(d, CURVE));
        BigInteger[] rs = signer.generateSignature(digest32);
        BigInteger r = rs[0];
        BigInteger s = rs[1].compareTo(Signature.HALF_CURVE_ORDER) > 0 ? CURVE.getN().subtract(rs[1]) : rs[1];
        ECPoint expected = publicPoint(d);
        for (int recoveryId = 0; recoveryId < 2; recoveryId++) {
            ECPoint candidate = recoverPoint(digest32, r, s, recoveryId);
            if (candidate != null && candidate.equals(expected)) {
                return Signature.of(r, s, recoveryId);
            }
        }
        throw new IllegalStateException("signature needs recovery id 2 or 3, which Ethereum cannot express");
    }

    @Override
    public CompactSignature signCompact(byte[] digest32, PrivateKey key) {
        Secp256k1.requireDigest(digest32);
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(new BigInteger(1, key.bytes()), CURVE));
        BigInteger[] rs = signer.generateSignature(digest32);
        BigInteger s = rs[1].compareTo(Signature.HALF_CURVE_ORDER) > 0 ? CURVE.getN().subtract(rs[1]) : rs[1];
        byte[] bytes = new byte[64];
        System.arraycopy(CompactSignature.toBytes32(rs[0]), 0, bytes, 0, 32);
        System.arraycopy(CompactSignature.toBytes32(s), 0, bytes, 32, 32);
        return CompactSignature.of(bytes);
    }

    @Override
    public boolean verify(byte[] digest32, CompactSignature signature, PublicKey signer) {
        Secp256k1.requireDigest(digest32);
        ECPoint q;
        try {
            q = CURVE.getCurve().decodePoint(signer.uncompressedView());
        } catch (IllegalArgumentException notOnCurve) {
            return false;
        }
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(q, CURVE));
        return verifier.verifySignature(digest32, signature.r(), signature.s());
    }

    @Override
    public PublicKey recover(byte[] digest32, Signature signature) {
        Secp256k1.requireDigest(digest32);
        ECPoint q = recoverPoint(digest32, signature.r(), signature.s(), signature.recoveryId());
        if (q == null) {
            throw new IllegalArgumentException("no public key recovers from this signature");
        }
        return PublicKey.ofUncompressed(q.getEncoded(false));
    }

    @Override
    public PublicKey publicKeyOf(PrivateKey key) {
        return PublicKey.ofUncompressed(publicPoint(new BigInteger(1, key.bytes())).getEncoded(false));
    }

    @Override
    public String name() {
        return "bouncycastle";
    }

    private static ECPoint publicPoint(BigInteger d) {
        return new FixedPointCombMultiplier().multiply(CURVE.getG(), d).normalize();
    }

    /**
     * SEC 1 v2, section 4.1.6, for recovery ids 0 and 1 (R.x = r): Q = r^-1 (sR - eG).
     * Returns null when r is not the x of a curve point or Q is the point at infinity.
     */
    private static ECPoint recoverPoint(byte[] digest32, BigInteger r, BigInteger s, int recoveryId) {
        BigInteger n = CURVE.getN();
        byte[] compressed = new byte[33];
        compressed[0] = (byte) (0x02 + (recoveryId & 1));
        byte[] x = r.toByteArray();
        int copy = Math.min(x.length, 32);
        System.arraycopy(x, x.length - copy, compressed, 33 - copy, copy);
        ECPoint bigR;
        try {
            bigR = CURVE.getCurve().decodePoint(compressed);
        } catch (IllegalArgumentException notOnCurve) {
            return null;
        }
        BigInteger e = new BigInteger(1, digest32);
        BigInteger rInverse = r.modInverse(n);
        BigInteger minusEOverR = n.subtract(e).mod(n).multiply(rInverse).mod(n);
        BigInteger sOverR = s.multiply(rInverse).mod(n);
        ECPoint q = ECAlgorithms.sumOfTwoMultiplies(CURVE.getG(), minusEOverR, bigR, sOverR).normalize();
        return q.isInfinity() ? null : q;
    }
}
