package io.agnt2.channel.api;

import io.agnt2.channel.node.ChannelView;
import io.agnt2.protocol.channel.SignedChannelState;

/**
 * One co-signed, durable state of a channel, as delivered to {@link ChannelUpdateListener}s.
 *
 * @param proposedLocally true when one of this node's agents proposed it, false when the counterparty did
 */
public record ChannelUpdate(ChannelView channel, SignedChannelState state, boolean proposedLocally) {

    /** The nonce-0 state: the channel was just agreed. */
    public boolean isOpening() {
        return state.state().nonce() == 0;
    }

    public boolean isClosing() {
        return state.state().isFinal();
    }
}
