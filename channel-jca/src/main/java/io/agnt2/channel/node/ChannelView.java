package io.agnt2.channel.node;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.channel.SignedChannelState;
import io.agnt2.protocol.value.Wei;

import java.net.InetSocketAddress;

/**
 * A channel as this node sees it: its participants, which one is ours, where the peer listens (null when
 * the peer connected to us) and the latest co-signed state that is durable here.
 */
public record ChannelView(ChannelId id, AgentAddress participantA, AgentAddress participantB,
                          AgentAddress localAgent, InetSocketAddress remoteEndpoint, SignedChannelState latest) {

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
