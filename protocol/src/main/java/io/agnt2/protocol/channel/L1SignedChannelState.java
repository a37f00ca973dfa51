package io.agnt2.protocol.channel;

import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.crypto.Signature;
import io.agnt2.protocol.eip712.Eip712Domain;

import java.util.Objects;

/**
 * A co-signed channel state in the form the adjudicator contract takes: both signatures as Ethereum's
 * 65 bytes r||s||v, which {@code ecrecover} turns into the participants' addresses. A channel keeps and
 * exchanges its states without {@code v} ({@link SignedChannelState}); {@link SignedChannelState#forL1}
 * makes this form when a state leaves the pair (decision 0015).
 */
public record L1SignedChannelState(ChannelState state, Signature signatureA, Signature signatureB) {

    public L1SignedChannelState {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(signatureA, "signatureA");
        Objects.requireNonNull(signatureB, "signatureB");
    }

    /** Both Ethereum signatures at once (as any wallet's {@code signTypedData} gives them), for tests and demos. */
    public static L1SignedChannelState sign(ChannelState state, Eip712Domain domain, AgentKey a, AgentKey b) {
        byte[] digest = state.digest(domain);
        return new L1SignedChannelState(state, a.sign(digest), b.sign(digest));
    }

    /** The same state as a channel keeps it: the signatures without {@code v}. */
    public SignedChannelState withoutRecoveryIds() {
        return new SignedChannelState(state, signatureA.withoutRecoveryId(), signatureB.withoutRecoveryId());
    }
}
