package io.agnt2.protocol.channel;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.crypto.CompactSignature;
import io.agnt2.protocol.crypto.Secp256k1;
import io.agnt2.protocol.crypto.Signature;
import io.agnt2.protocol.eip712.Eip712Domain;

import java.util.Objects;

/**
 * A channel state with both participants' signatures as the two sides exchange and keep them: r||s
 * without {@code v} ({@link CompactSignature}), checked against the counterparty's known key (decision
 * 0015). What the adjudicator takes is {@link #forL1}'s {@link L1SignedChannelState}, the same
 * signatures with {@code v}.
 */
public record SignedChannelState(ChannelState state, CompactSignature signatureA, CompactSignature signatureB) {

    public SignedChannelState {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(signatureA, "signatureA");
        Objects.requireNonNull(signatureB, "signatureB");
    }

    /** Both signatures at once, for tests and for a party that holds both keys (e.g. a demo). */
    public static SignedChannelState sign(ChannelState state, Eip712Domain domain, AgentKey a, AgentKey b) {
        return new SignedChannelState(state, state.sign(a, domain), state.sign(b, domain));
    }

    /** True when {@code a} signed as participant A and {@code b} as participant B under {@code domain}. */
    public boolean isSignedByBoth(Eip712Domain domain, AgentAddress a, AgentAddress b) {
        try {
            forL1(domain, a, b);
            return true;
        } catch (IllegalArgumentException notTheirs) {
            return false;
        }
    }

    /**
     * The Ethereum form that leaves the pair (a close, a challenge, what the gateway shows): each
     * signature gains the {@code v} under which {@code ecrecover} gives its participant's address. One
     * or two recoveries per signature, so call it when a state leaves the pair, not per update.
     *
     * @throws IllegalArgumentException when a signature is not its participant's under {@code domain}
     */
    public L1SignedChannelState forL1(Eip712Domain domain, AgentAddress a, AgentAddress b) {
        byte[] digest = state.digest(domain);
        return new L1SignedChannelState(state, withRecoveryId(digest, signatureA, a, "A"),
                withRecoveryId(digest, signatureB, b, "B"));
    }

    private Signature withRecoveryId(byte[] digest, CompactSignature signature, AgentAddress signer, String role) {
        try {
            return Secp256k1.get().withRecoveryId(digest, signature, key -> AgentAddress.of(key).equals(signer));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("signature " + role + " of nonce " + state.nonce() + " of "
                    + state.channelId() + " is not " + signer + "'s", e);
        }
    }
}
