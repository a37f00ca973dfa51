package io.agnt2.protocol.crypto;

/**
 * libsecp256k1 through ACINQ's JNI binding.
 *
 * <p>The binding has no recoverable signing. {@code v} comes from the nonce point ({@link NoncePoint}:
 * one fixed-base multiplication, about half the cost of a recovery); should that ever not match the
 * signature, it is found by trial: recover with recovery id 0 and compare with the signer's public key,
 * else it is 1. libsecp256k1 already returns low-s.
 */
public final class NativeSecp256k1 implements Secp256k1 {

    /** A valid private key (the scalar 1), used to probe that the native library works. */
    private static final byte[] ONE = new byte[32];

    static {
        ONE[31] = 1;
    }

    private final fr.acinq.secp256k1.Secp256k1 lib;

    /** @throws LinkageError if the native library cannot be loaded on this platform */
    public NativeSecp256k1() {
        this.lib = fr.acinq.secp256k1.Secp256k1.Companion.get();
        // Touch the library now, so that a missing .so fails here and not on the first real signature.
        lib.pubkeyCreate(ONE);
    }

    @Override
    public Signature sign(byte[] digest32, PrivateKey key) {
        return sign(digest32, key, PublicKey.ofUncompressed(lib.pubkeyCreate(key.bytes())));
    }

    /** Deriving the public key costs about as much as the signature itself; channel nodes sign thousands a second. */
    @Override
    public Signature sign(byte[] digest32, PrivateKey key, PublicKey publicKey) {
        Secp256k1.requireDigest(digest32);
        byte[] secret = key.bytes();
        byte[] compact = lib.sign(digest32, secret, null); // no extra entropy: plain RFC 6979, as wallets do
        int recoveryId = NoncePoint.recoveryId(digest32, secret, compact, lib::pubkeyCreate);
        if (recoveryId < 0) {
            recoveryId = trialRecoveryId(digest32, compact, publicKey);
        }
        return Signature.ofCompact(compact, recoveryId);
    }

    @Override
    public CompactSignature signCompact(byte[] digest32, PrivateKey key) {
        Secp256k1.requireDigest(digest32);
        // libsecp256k1 returns canonical low-s r||s; checked anyway (a few byte comparisons)
        return CompactSignature.of(lib.sign(digest32, key.bytes(), null));
    }

    @Override
    public boolean verify(byte[] digest32, CompactSignature signature, PublicKey signer) {
        Secp256k1.requireDigest(digest32);
        try {
            return lib.verify(signature.view(), digest32, signer.uncompressedView());
        } catch (fr.acinq.secp256k1.Secp256k1Exception e) {
            return false;
        }
    }

    /** The fallback: recover with each recovery id and compare with the signer's public key. */
    private int trialRecoveryId(byte[] digest32, byte[] compact, PublicKey publicKey) {
        byte[] recovered = lib.ecdsaRecover(compact, digest32, 0); // 0x04 || x || y
        if (publicKey.matchesUncompressed(recovered)) {
            return 0;
        }
        if (publicKey.matchesUncompressed(lib.ecdsaRecover(compact, digest32, 1))) {
            return 1;
        }
        // Only when r's point has x >= n (probability ~2^-127); Ethereum's v cannot express it.
        throw new IllegalStateException("signature needs recovery id 2 or 3, which Ethereum cannot express");
    }

    @Override
    public boolean signedBy(byte[] digest32, Signature signature, PublicKey expected) {
        Secp256k1.requireDigest(digest32);
        try {
            return expected.matchesUncompressed(lib.ecdsaRecover(signature.compactView(), digest32, signature.recoveryId()));
        } catch (fr.acinq.secp256k1.Secp256k1Exception e) {
            return false;
        }
    }

    @Override
    public PublicKey recover(byte[] digest32, Signature signature) {
        Secp256k1.requireDigest(digest32);
        try {
            return PublicKey.ofUncompressed(lib.ecdsaRecover(signature.compact(), digest32, signature.recoveryId()));
        } catch (fr.acinq.secp256k1.Secp256k1Exception e) {
            throw new IllegalArgumentException("no public key recovers from this signature", e);
        }
    }

    @Override
    public PublicKey publicKeyOf(PrivateKey key) {
        return PublicKey.ofUncompressed(lib.pubkeyCreate(key.bytes()));
    }

    @Override
    public String name() {
        return "native";
    }
}
