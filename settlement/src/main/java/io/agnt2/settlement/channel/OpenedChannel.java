package io.agnt2.settlement.channel;

import io.agnt2.channel.node.ChannelView;
import io.agnt2.settlement.infrastructure.l1.channel.ChannelTransaction;

/** A channel agreed with the counterparty and opened on L1 by the transaction {@code l1}. */
public record OpenedChannel(ChannelView channel, ChannelTransaction l1) {
}
