package io.agnt2.settlement.channel;

import io.agnt2.protocol.channel.SignedChannelState;

import java.util.Collection;

/**
 * The newest co-signed state of every channel this server takes part in: what the watcher defends on
 * L1. The channel connector's node is the source in the server; a test may hand any collection.
 */
@FunctionalInterface
public interface HeldChannelStates {

    Collection<SignedChannelState> latest();
}
