package io.agnt2.channel.node;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.channel.L1SignedChannelState;
import io.agnt2.protocol.channel.SignedChannelState;
import io.agnt2.protocol.eip712.Eip712Domain;
import io.agnt2.protocol.value.Wei;

import java.net.InetSocketAddress;

/**
 * A channel as this node sees it: its participants, which one is ours, where the peer listens (null when
 * the peer connected to us), the latest co-signed state that is durable here, and the EIP-712 domain its
 * states are signed in (the L1 chain and adjudicator).
 */
public record ChannelView(ChannelId id, AgentAddress participantA, AgentAddress participantB,
                          AgentAddress localAgent, InetSocketAddress remoteEndpoint, SignedChannelState latest,
                          Eip712Domain domain) {

    /**
     * {@link #latest()} as the adjudicator takes it: both signatures with the {@code v} that
     * {@code ecrecover} needs (decision 0015). Costs a few recoveries: for a close, a challenge, or a
     * signature shown to a user, not for every update.
     */
    public L1SignedChannelState latestForL1() {
        return latest.forL1(domain, participantA, participantB);
    }

    public boolean localIsA() {
        return localAgent.equals(participantA);
    }

    public AgentAddress remoteAgent() {
        return localIsA() ? participantB : participantA;
    }

    public long nonce() {
        return latest.state().nonce();
    }

    public boolean isFinal() {
        return latest.state().isFinal();
    }

    public Wei localBalance() {
        return localIsA() ? latest.state().balanceA() : latest.state().balanceB();
    }

    public Wei remoteBalance() {
        return localIsA() ? latest.state().balanceB() : latest.state().balanceA();
    }
}
