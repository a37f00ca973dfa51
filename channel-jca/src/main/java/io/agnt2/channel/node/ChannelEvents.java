package io.agnt2.channel.node;

import io.agnt2.protocol.channel.SignedChannelState;

/**
 * Told about every co-signed state once it is durable on this side (and, for states this node accepted,
 * once the ACCEPT is on its way to the peer), whoever proposed it.
 *
 * <p>Threading: all calls come from one thread per node ("channel-events"), in the order the states
 * became durable, which is nonce order per channel. The same thread completes the futures that
 * {@link ChannelNode#open}, {@link ChannelNode#propose} and {@link ChannelNode#pay} return, so a
 * listener that blocks delays those too (but never the network or the journal): hand long work to an
 * executor of your own.
 */
@FunctionalInterface
public interface ChannelEvents {

    ChannelEvents NONE = (channel, state, proposedLocally) -> {
    };

    /**
     * @param proposedLocally true when this node proposed the state; false when the peer did, or when the
     *                        state was adopted from the peer's SYNC after a reconnect
     */
    void updated(ChannelView channel, SignedChannelState state, boolean proposedLocally);
}
