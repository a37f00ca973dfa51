package io.agnt2.protocol.execution;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.execution.TransitionRejection.Reason;
import io.agnt2.protocol.interaction.BridgedInteraction;
import io.agnt2.protocol.interaction.ChannelClose;
import io.agnt2.protocol.interaction.ChannelOpen;
import io.agnt2.protocol.state.AgentRecord;
import io.agnt2.protocol.state.ChannelEntry;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;

/**
 * CHANNEL_OPEN and CHANNEL_CLOSE: a state channel's L1 life, recorded on both participants' records
 * (decision 0014). No value moves on the rollup: the deposits are locked on L1 and paid out there. The
 * participants need not be registered here: the adjudicator admits any two L1 accounts, and what it did
 * is a fact the rollup records, as it credits a deposit to an address that has not registered yet.
 */
final class ChannelRules {

    private ChannelRules() {
    }

    static Effect open(StateView state, ChannelOpen open, BlockContext block) throws TransitionRejection {
        Checks.requireDistinct(open.participantA(), open.participantB(), "a channel's participants");
        AgentRecord adjudicator = nextEvent(state, open);
        AgentRecord a = withoutChannel(state, open.participantA(), open.channelId());
        AgentRecord b = withoutChannel(state, open.participantB(), open.channelId());
        state.put(a.withChannel(open.channelId(),
                new ChannelEntry(b.address(), open.depositA(), open.depositB(), block.blockNumber())));
        state.put(b.withChannel(open.channelId(),
                new ChannelEntry(a.address(), open.depositB(), open.depositA(), block.blockNumber())));
        state.put(adjudicator.withNonce(open.nonce()));
        return Effect.NONE;
    }

    static Effect close(StateView state, ChannelClose close) throws TransitionRejection {
        AgentRecord adjudicator = nextEvent(state, close);
        AgentRecord a = holding(state, close.participantA(), close.participantB(), close.channelId());
        AgentRecord b = holding(state, close.participantB(), close.participantA(), close.channelId());
        ChannelEntry opened = a.channels().get(close.channelId());
        Wei locked = opened.ownDeposit().plus(opened.counterpartyDeposit());
        Checks.require(close.balanceA().plus(close.balanceB()).equals(locked), Reason.INVALID_FIELD,
                () -> "channel " + close.channelId() + " closed with " + close.balanceA() + " + " + close.balanceB()
                        + ", but " + locked + " was locked in it");
        a = a.withoutChannel(close.channelId());
        b = b.withoutChannel(close.channelId());
        switch (close.outcome()) {
            case COOPERATIVE -> {
                a = a.withReputation(a.reputation().plusCooperativeClose());
                b = b.withReputation(b.reputation().plusCooperativeClose());
            }
            case DISPUTED -> {
                if (close.staleClaimant().equals(a.address())) {
                    a = a.withReputation(a.reputation().plusDisputeLost());
                } else if (close.staleClaimant().equals(b.address())) {
                    b = b.withReputation(b.reputation().plusDisputeLost());
                }
            }
            case UNCONTESTED -> {
                // one side went to L1 alone and nobody objected: no evidence against either
            }
        }
        state.put(a);
        state.put(b);
        state.put(adjudicator.withNonce(close.nonce()));
        return Effect.NONE;
    }

    /** The adjudicator's record, the bridge's cursor: this event must come after the newest one applied. */
    private static AgentRecord nextEvent(StateView state, BridgedInteraction event) throws TransitionRejection {
        AgentRecord adjudicator = record(state, event.adjudicator());
        Nonce applied = adjudicator.nonce();
        Checks.require(event.l1Event() > applied.value(), Reason.L1_EVENT_ALREADY_APPLIED,
                () -> "L1 event " + event.l1Event() + " of " + event.adjudicator() + " is not after " + applied
                        + ", the newest one applied");
        return adjudicator;
    }

    private static AgentRecord withoutChannel(StateView state, AgentAddress participant, ChannelId id)
            throws TransitionRejection {
        AgentRecord record = record(state, participant);
        Checks.require(!record.channels().containsKey(id), Reason.CHANNEL_EXISTS,
                () -> participant + " already holds channel " + id);
        return record;
    }

    private static AgentRecord holding(StateView state, AgentAddress participant, AgentAddress counterparty,
                                       ChannelId id) throws TransitionRejection {
        AgentRecord record = record(state, participant);
        ChannelEntry channel = record.channels().get(id);
        Checks.require(channel != null && channel.counterparty().equals(counterparty), Reason.CHANNEL_NOT_FOUND,
                () -> participant + " holds no channel " + id + " with " + counterparty);
        return record;
    }

    private static AgentRecord record(StateView state, AgentAddress address) {
        return state.find(address).orElseGet(() -> AgentRecord.empty(address));
    }
}
