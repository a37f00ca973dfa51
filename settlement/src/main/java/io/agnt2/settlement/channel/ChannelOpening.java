package io.agnt2.settlement.channel;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.value.Wei;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * What an organisation asks for when it opens a channel: its hosted agent (participant A, who
 * deposits {@code deposit}), the counterparty (B, who deposits {@code counterpartyDeposit} on L1
 * itself) and where the counterparty's channel node listens.
 */
public record ChannelOpening(AgentAddress agent, AgentAddress counterparty, InetSocketAddress counterpartyEndpoint,
                             Wei deposit, Wei counterpartyDeposit) {

    public ChannelOpening {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(counterparty, "counterparty");
        Objects.requireNonNull(counterpartyEndpoint, "counterpartyEndpoint");
        Objects.requireNonNull(deposit, "deposit");
        Objects.requireNonNull(counterpartyDeposit, "counterpartyDeposit");
        if (deposit.isZero() && counterpartyDeposit.isZero()) {
            throw new IllegalArgumentException("a channel needs a deposit from at least one side");
        }
    }
}
