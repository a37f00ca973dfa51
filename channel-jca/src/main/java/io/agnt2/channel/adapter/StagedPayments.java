package io.agnt2.channel.adapter;

import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Wei;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The payments a transaction has made but not yet committed, one entry per channel: several payments
 * on the same channel add up to one update (so they commit or fail together, and the counterparty
 * signs once), carrying the last application-state hash given.
 */
final class StagedPayments {

    record Payment(ChannelId channel, Wei amount, Bytes32 appStateHash) {
    }

    private final Map<ChannelId, Payment> byChannel = new LinkedHashMap<>();

    void add(ChannelId channel, Wei amount, Bytes32 appStateHash) {
        byChannel.merge(channel, new Payment(channel, amount, appStateHash),
                (staged, more) -> new Payment(channel, staged.amount().plus(more.amount()), more.appStateHash()));
    }

    Iterable<Payment> inOrder() {
        return byChannel.values();
    }

    boolean isEmpty() {
        return byChannel.isEmpty();
    }

    void clear() {
        byChannel.clear();
    }
}
