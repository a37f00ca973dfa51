package io.agnt2.settlement.channel;

import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.settlement.infrastructure.l1.channel.ChannelTransaction;

/**
 * A close on L1 with a state older than ours, and how the watcher answered it.
 *
 * @param registeredNonce nonce of the state the other side registered
 * @param answeredNonce   nonce of the newer state the watcher posted
 * @param answer          the L1 transaction of the challenge (or cooperative finalisation)
 */
public record Dispute(ChannelId channel, long registeredNonce, long answeredNonce, ChannelTransaction answer) {
}
