package io.agnt2.protocol.crypto;

import java.util.function.Predicate;

/**
 * Ethereum's signature curve: deterministic (RFC 6979), canonical low-s, recoverable signatures.
 *
 * <p>Two implementations give byte-identical results: {@link NativeSecp256k1} (libsecp256k1 over JNI,
 * about ten times faster) and {@link BouncyCastleSecp256k1} (pure Java, works everywhere).
 */
public interface Secp256k1 {

    /** Signs a 32-byte digest; the signature is low-s and carries v = 27/28. */
    Signature sign(byte[] digest32, PrivateKey key);

    /**
     * The same signature, for a caller that already knows the key's public key (an {@link
     * io.agnt2.protocol.agent.AgentKey} does): an implementation that finds {@code v} by trial recovery
     * can compare with it instead of deriving it again for every signature.
     */
    default Signature sign(byte[] digest32, PrivateKey key, PublicKey publicKey) {
        return sign(digest32, key);
    }

    /**
     * The public key that produced {@code signature} over {@code digest32}.
     *
     * @throws IllegalArgumentException if no public key can be recovered
     */
    PublicKey recover(byte[] digest32, Signature signature);

    /**
     * True when {@code signature} over {@code digest32} recovers to {@code expected}, with the {@code v}
     * it carries: what Solidity's {@code ecrecover} will say. For a counterparty whose public key is
     * known, this skips hashing the recovered key into an address. (A plain ECDSA verify would be a
     * little cheaper but ignores {@code v}, and a wrong {@code v} makes a signature useless on L1.)
     */
    default boolean signedBy(byte[] digest32, Signature signature, PublicKey expected) {
        try {
            return recover(digest32, signature).equals(expected);
        } catch (IllegalArgumentException unrecoverable) {
            return false;
        }
    }

    /**
     * Signs a 32-byte digest without deriving {@code v}: the same r||s as {@link #sign} (RFC 6979, low-s),
     * for a verifier that knows the signer's public key. Deriving {@code v} costs about three times the
     * signature itself (decision 0015), and a state that stays between two parties who know each other's
     * keys never needs it.
     */
    CompactSignature signCompact(byte[] digest32, PrivateKey key);

    /** Plain ECDSA verification of {@code signature} over {@code digest32} against the known {@code signer}. */
    boolean verify(byte[] digest32, CompactSignature signature, PublicKey signer);

    /**
     * The one place a {@link CompactSignature} gains its {@code v}: recovers with recovery id 0, then 1,
     * and returns the Ethereum signature whose recovered key {@code isSigner} accepts, so that
     * {@code ecrecover} on L1 gives the same signer. Costs one or two recoveries; for states that leave
     * the pair (a close, a challenge, what the gateway shows), not for every update.
     *
     * @throws IllegalArgumentException when neither recovery id gives a key {@code isSigner} accepts: the
     *         signature is not the expected signer's (or needs recovery id 2 or 3, ~2^-127 likely)
     */
    default Signature withRecoveryId(byte[] digest32, CompactSignature signature, Predicate<PublicKey> isSigner) {
        requireDigest(digest32);
        for (int recoveryId = 0; recoveryId < 2; recoveryId++) {
            Signature candidate = signature.withRecoveryId(recoveryId);
            PublicKey recovered;
            try {
                recovered = recover(digest32, candidate);
            } catch (IllegalArgumentException unrecoverable) {
                continue;
            }
            if (isSigner.test(recovered)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("the signature is not the expected signer's under either recovery id");
    }

    PublicKey publicKeyOf(PrivateKey key);

    /** A short name for logs and benchmarks. */
    String name();

    /**
     * The process-wide implementation: native when libsecp256k1 loads, else BouncyCastle. System property
     * {@code agnt2.secp256k1=bouncycastle} forces the fallback.
     */
    static Secp256k1 get() {
        return Secp256k1Selection.INSTANCE;
    }

    /** Implementations share this argument check so both reject the same input with the same words. */
    static void requireDigest(byte[] digest32) {
        if (digest32 == null || digest32.length != 32) {
            throw new IllegalArgumentException(
                    "digest must be 32 bytes, got " + (digest32 == null ? "null" : digest32.length));
        }
    }
}
