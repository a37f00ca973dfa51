package io.agnt2.settlement.infrastructure.l1.channel;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.value.Wei;

/**
 * One of the adjudicator's events that shape a channel's life, where L1 put it ({@code position}, an
 * {@link io.agnt2.protocol.interaction.L1EventPosition}). Withdrawals and deferred payouts move money
 * after a channel ended and are not read.
 */
public sealed interface AdjudicatorEvent {

    ChannelId channelId();

    long position();

    record Opened(ChannelId channelId, long position, AgentAddress participantA, AgentAddress participantB,
                  Wei depositA, Wei depositB) implements AdjudicatorEvent {
    }

    record Funded(ChannelId channelId, long position, Wei depositB) implements AdjudicatorEvent {
    }

    record Cancelled(ChannelId channelId, long position) implements AdjudicatorEvent {
    }

    /** {@code closer} registered this state by a unilateral close; the challenge period runs. */
    record Closing(ChannelId channelId, long position, AgentAddress closer, long nonce, Wei balanceA, Wei balanceB)
            implements AdjudicatorEvent {
    }

    /** A newer state replaced the registered one during the challenge period. */
    record Challenged(ChannelId channelId, long position, long nonce, Wei balanceA, Wei balanceB)
            implements AdjudicatorEvent {
    }

    /** The channel ended with this state: cooperatively at once, or when the challenge period was over. */
    record Finalized(ChannelId channelId, long position, long nonce, Wei balanceA, Wei balanceB)
            implements AdjudicatorEvent {
    }
}
