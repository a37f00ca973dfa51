package io.agnt2.protocol.interaction;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.crypto.Keccak;
import io.agnt2.protocol.crypto.Secp256k1;
import io.agnt2.protocol.crypto.Signature;
import io.agnt2.protocol.eip712.Eip712Domain;

import java.util.Objects;

/** An interaction with its signer's EIP-712 signature, as clients submit it. */
public record SignedInteraction(Interaction interaction, Signature signature) {

    private static final byte[] EIP712_PREFIX = {0x19, 0x01};

    public SignedInteraction {
        Objects.requireNonNull(interaction, "interaction");
        Objects.requireNonNull(signature, "signature");
    }

    /** Signs with {@code key}, which must be the interaction's signer. */
    public static SignedInteraction sign(Interaction interaction, AgentKey key, Eip712Domain domain) {
        if (!key.address().equals(interaction.signer())) {
            throw new IllegalArgumentException("key of " + key.address() + " cannot sign a " + interaction.kind()
                    + " whose signer is " + interaction.signer());
        }
        return new SignedInteraction(interaction, key.sign(digest(interaction, domain)));
    }

    /**
     * keccak256(0x1901 ‖ domainSeparator ‖ hashStruct(interaction)): what the wallet signs, and the
     * interaction's hash (its id in the API). It leaves out the signature, so the id is fixed before signing.
     */
    public byte[] digest(Eip712Domain domain) {
        return digest(interaction, domain);
    }

    public static byte[] digest(Interaction interaction, Eip712Domain domain) {
        return Keccak.keccak256(EIP712_PREFIX, domain.separator(), interaction.structHash());
    }

    /** @throws IllegalArgumentException if no key recovers from the signature */
    public AgentAddress recoverSigner(Eip712Domain domain) {
        return AgentAddress.of(Secp256k1.get().recover(digest(domain), signature));
    }

    /** True when the interaction's own signer signed it under {@code domain}. */
    public boolean isSignedBySigner(Eip712Domain domain) {
        try {
            return recoverSigner(domain).equals(interaction.signer());
        } catch (IllegalArgumentException unrecoverable) {
            return false;
        }
    }
}
