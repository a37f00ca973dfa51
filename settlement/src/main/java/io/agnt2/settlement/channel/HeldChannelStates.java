package io.agnt2.settlement.channel;

import io.agnt2.channel.node.ChannelView;

import java.util.Collection;

/**
 * Every channel this server takes part in, with its newest co-signed state: what the watcher defends on
 * L1. The channel connector's node is the source in the server; a test may hand any collection. A view
 * rather than the bare state, because a state leaves the pair only with its participants' {@code v}s
 * ({@link ChannelView#latestForL1()}, decision 0015).
 */
@FunctionalInterface
public interface HeldChannelStates {

    Collection<ChannelView> latest();
}
