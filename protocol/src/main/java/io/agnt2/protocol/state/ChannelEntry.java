package io.agnt2.protocol.state;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.value.Wei;

import java.util.Objects;

/**
 * One open state channel as an agent's record shows it: with whom, what each side locked on L1, and the
 * rollup block in which the channel's opening was recorded. The locked value is on L1, not in the
 * rollup, so it is not part of the record's {@link AgentRecord#totalValue() value}; the channel's
 * payments stay off the rollup altogether.
 */
public record ChannelEntry(AgentAddress counterparty, Wei ownDeposit, Wei counterpartyDeposit, long openedAtBlock) {

    public ChannelEntry {
        Objects.requireNonNull(counterparty, "counterparty");
        Objects.requireNonNull(ownDeposit, "ownDeposit");
        Objects.requireNonNull(counterpartyDeposit, "counterpartyDeposit");
        if (openedAtBlock < 0) {
            throw new IllegalArgumentException("openedAtBlock must not be negative: " + openedAtBlock);
        }
    }
}
