package io.agnt2.channel.journal;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.channel.SignedChannelState;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One co-signed state of a channel with what a node needs to pick the channel up again after a restart:
 * who the two participants are, which of them is ours, and where the peer listens (null when the peer
 * connected to us). Every record carries all of it, so the latest record of a channel is enough on its
 * own: replay and compaction keep one record per channel and nothing else.
 */
public record JournalEntry(AgentAddress participantA, AgentAddress participantB, AgentAddress localAgent,
                           InetSocketAddress remoteEndpoint, SignedChannelState state) {

    public JournalEntry {
        Objects.requireNonNull(participantA, "participantA");
        Objects.requireNonNull(participantB, "participantB");
        Objects.requireNonNull(localAgent, "localAgent");
        Objects.requireNonNull(state, "state");
        if (!localAgent.equals(participantA) && !localAgent.equals(participantB)) {
            throw new IllegalArgumentException("local agent " + localAgent + " is neither participant of "
                    + state.state().channelId());
        }
    }

    public ChannelId channelId() {
        return state.state().channelId();
    }

    public long nonce() {
        return state.state().nonce();
    }

    /** The same channel at a newer state. */
    public JournalEntry withState(SignedChannelState newer) {
        return new JournalEntry(participantA, participantB, localAgent, remoteEndpoint, newer);
    }
}
