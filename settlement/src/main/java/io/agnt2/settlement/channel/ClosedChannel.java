package io.agnt2.settlement.channel;

import io.agnt2.channel.node.ChannelView;
import io.agnt2.settlement.infrastructure.l1.channel.ChannelTransaction;

/** A channel whose final state both signed and L1 paid out in the transaction {@code l1}. */
public record ClosedChannel(ChannelView channel, ChannelTransaction l1) {
}
