package io.agnt2.protocol.interaction;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.eip712.Eip712Field;
import io.agnt2.protocol.eip712.Eip712Message;
import io.agnt2.protocol.eip712.Eip712Type;
import io.agnt2.protocol.value.Wei;

import java.util.Objects;

/**
 * A state channel was finalised on the L1 {@code adjudicator} with the state {@code finalNonce}
 * (balances {@code balanceA}, {@code balanceB}), ending as {@code outcome}. Bridged, like
 * {@link ChannelOpen}. The trie drops the channel from both records and moves reputation: a cooperative
 * close counts for both, a lost dispute against {@code staleClaimant}, the participant who registered a
 * state the other side then proved stale (the one whose balance the newer state lowered). For any other
 * outcome {@code staleClaimant} is the zero address.
 */
public record ChannelClose(AgentAddress adjudicator, ChannelId channelId, AgentAddress participantA,
                           AgentAddress participantB, long finalNonce, Wei balanceA,
                           Wei balanceB, ChannelCloseOutcome outcome,
                           AgentAddress staleClaimant, long l1Event) implements BridgedInteraction {

    public static final AgentAddress NOBODY = AgentAddress.of(new byte[AgentAddress.LENGTH]);

    public static final Eip712Type TYPE = Eip712Type.of("ChannelClose",
            new Eip712Field("adjudicator", "address"),
            new Eip712Field("channelId", "bytes32"),
            new Eip712Field("participantA", "address"),
            new Eip712Field("participantB", "address"),
            new Eip712Field("finalNonce", "uint64"),
            new Eip712Field("balanceA", "uint256"),
            new Eip712Field("balanceB", "uint256"),
            new Eip712Field("outcome", "uint8"),
            new Eip712Field("staleClaimant", "address"),
            new Eip712Field("l1Event", "uint64"));

    public ChannelClose {
        Objects.requireNonNull(adjudicator, "adjudicator");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(participantA, "participantA");
        Objects.requireNonNull(participantB, "participantB");
        Objects.requireNonNull(balanceA, "balanceA");
        Objects.requireNonNull(balanceB, "balanceB");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(staleClaimant, "staleClaimant");
        if (finalNonce < 0) {
            throw new IllegalArgumentException("finalNonce must not be negative: " + finalNonce);
        }
        boolean namesParticipant = staleClaimant.equals(participantA) || staleClaimant.equals(participantB);
        if (outcome == ChannelCloseOutcome.DISPUTED ? !namesParticipant && !staleClaimant.equals(NOBODY)
                : !staleClaimant.equals(NOBODY)) {
            throw new IllegalArgumentException("staleClaimant " + staleClaimant + " does not fit a " + outcome
                    + " close: only a disputed close names one, and only a participant");
        }
        BridgedInteraction.requirePosition(l1Event);
    }

    static ChannelClose fromMessage(Eip712Message m) {
        return new ChannelClose(m.address("adjudicator"), new ChannelId(m.bytes32("channelId")),
                m.address("participantA"), m.address("participantB"), m.uint64("finalNonce"), m.uint256("balanceA"),
                m.uint256("balanceB"), ChannelCloseOutcome.fromCode(m.uint8("outcome")), m.address("staleClaimant"),
                m.uint64("l1Event"));
    }

    @Override
    public Kind kind() {
        return Kind.CHANNEL_CLOSE;
    }

    @Override
    public Eip712Message message() {
        return Eip712Message.of(TYPE, adjudicator, channelId.value(), participantA, participantB, finalNonce, balanceA,
                balanceB, outcome.code(), staleClaimant, l1Event);
    }
}
