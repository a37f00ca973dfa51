package io.agnt2.protocol.interaction;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.crypto.Keccak;
import io.agnt2.protocol.crypto.Secp256k1;
import io.agnt2.protocol.crypto.Signature;
import io.agnt2.protocol.eip712.Eip712Domain;

import java.util.Objects;

/**
 * An interaction with its signer's EIP-712 signature, as clients submit it; or a DEPOSIT or a channel's
 * L1 event, which come from L1 and carry no signature ({@code signature} is null exactly for
 * {@link Kind#isAgentSigned() non-agent kinds}). A DEPOSIT is never {@link #isSignedBySigner signed by
 * its signer}, so a check of the signature refuses any DEPOSIT a client submits.
 */
public record SignedInteraction(Interaction interaction, Signature signature) {

    private static final byte[] EIP712_PREFIX = {0x19, 0x01};

    public SignedInteraction {
        Objects.requireNonNull(interaction, "interaction");
        if (interaction.kind().isAgentSigned()) {
            Objects.requireNonNull(signature, "signature");
        } else if (signature != null) {
            throw new IllegalArgumentException("a " + interaction.kind() + " comes from the L1 bridge and carries no signature");
        }
    }

    /** Signs with {@code key}, which must be the interaction's signer. */
    public static SignedInteraction sign(Interaction interaction, AgentKey key, Eip712Domain domain) {
        if (!interaction.kind().isAgentSigned()) {
            throw new IllegalArgumentException("no agent signs a " + interaction.kind() + "; it comes from the L1 bridge");
        }
        if (!key.address().equals(interaction.signer())) {
            throw new IllegalArgumentException("key of " + key.address() + " cannot sign a " + interaction.kind()
                    + " whose signer is " + interaction.signer());
        }
        return new SignedInteraction(interaction, key.sign(digest(interaction, domain)));
    }

    /**
     * A DEPOSIT or a channel's L1 event, which the sequencer derives from L1; it is not signed.
     *
     * @throws IllegalArgumentException for a kind an agent signs
     */
    public static SignedInteraction bridged(Interaction interaction) {
        if (interaction.kind().isAgentSigned()) {
            throw new IllegalArgumentException("a " + interaction.kind() + " must be signed by " + interaction.signer());
        }
        return new SignedInteraction(interaction, null);
    }

    public boolean hasSignature() {
        return signature != null;
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

    /** @throws IllegalArgumentException if there is no signature or no key recovers from it */
    public AgentAddress recoverSigner(Eip712Domain domain) {
        if (signature == null) {
            throw new IllegalArgumentException("a " + interaction.kind() + " carries no signature");
        }
        return AgentAddress.of(Secp256k1.get().recover(digest(domain), signature));
    }

    /** True when the interaction's own signer signed it under {@code domain}; always false for a kind L1 vouches for. */
    public boolean isSignedBySigner(Eip712Domain domain) {
        try {
            return recoverSigner(domain).equals(interaction.signer());
        } catch (IllegalArgumentException unrecoverable) {
            return false;
        }
    }
}
