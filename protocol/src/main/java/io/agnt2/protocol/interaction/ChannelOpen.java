package io.agnt2.protocol.interaction;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.eip712.Eip712Field;
import io.agnt2.protocol.eip712.Eip712Message;
import io.agnt2.protocol.eip712.Eip712Type;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;

import java.util.Objects;

/**
 * A state channel between two agents became Open on the L1 {@code adjudicator} (A's {@code open} with no
 * deposit asked of B, or B's {@code deposit}). Bridged like a DEPOSIT: no agent signs it, the sequencer
 * derives it from the adjudicator's events, {@code l1Event} being the event's {@link L1EventPosition}.
 * The trie records the channel on both agents' records (decision 0014); the channel's payments never
 * reach the rollup.
 */
public record ChannelOpen(AgentAddress adjudicator, ChannelId channelId, AgentAddress participantA,
                          AgentAddress participantB, Wei depositA, Wei depositB, long l1Event)
        implements BridgedInteraction {

    public static final Eip712Type TYPE = Eip712Type.of("ChannelOpen",
            new Eip712Field("adjudicator", "address"),
            new Eip712Field("channelId", "bytes32"),
            new Eip712Field("participantA", "address"),
            new Eip712Field("participantB", "address"),
            new Eip712Field("depositA", "uint256"),
            new Eip712Field("depositB", "uint256"),
            new Eip712Field("l1Event", "uint64"));

    public ChannelOpen {
        Objects.requireNonNull(adjudicator, "adjudicator");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(participantA, "participantA");
        Objects.requireNonNull(participantB, "participantB");
        Objects.requireNonNull(depositA, "depositA");
        Objects.requireNonNull(depositB, "depositB");
        BridgedInteraction.requirePosition(l1Event);
    }

    static ChannelOpen fromMessage(Eip712Message m) {
        return new ChannelOpen(m.address("adjudicator"), new ChannelId(m.bytes32("channelId")),
                m.address("participantA"), m.address("participantB"), m.uint256("depositA"), m.uint256("depositB"),
                m.uint64("l1Event"));
    }

    @Override
    public Kind kind() {
        return Kind.CHANNEL_OPEN;
    }

    @Override
    public Eip712Message message() {
        return Eip712Message.of(TYPE, adjudicator, channelId.value(), participantA, participantB, depositA, depositB,
                l1Event);
    }
}
