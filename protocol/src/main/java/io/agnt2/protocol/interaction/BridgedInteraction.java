package io.agnt2.protocol.interaction;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.value.Nonce;

/**
 * A channel's L1 life carried into the rollup: no agent signs it, the sequencer derives it from the
 * {@code adjudicator}'s events. The adjudicator's own record in the trie is the bridge's cursor: its
 * nonce is the {@link L1EventPosition} of the newest event applied, and an event at or before it is
 * refused, so each event counts exactly once and in L1's order.
 */
public sealed interface BridgedInteraction extends Interaction permits ChannelOpen, ChannelClose {

    AgentAddress adjudicator();

    /** The event's {@link L1EventPosition}. */
    long l1Event();

    /** The adjudicator, whose record holds the cursor this moves. */
    @Override
    default AgentAddress signer() {
        return adjudicator();
    }

    /** The L1 position: the value the cursor moves to. */
    @Override
    default Nonce nonce() {
        return Nonce.of(l1Event());
    }

    static void requirePosition(long l1Event) {
        if (l1Event <= 0) {
            throw new IllegalArgumentException("l1Event must be an L1 event position above 0, got " + l1Event);
        }
    }
}
