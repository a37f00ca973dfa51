package io.agnt2.protocol.execution;

import io.agnt2.protocol.interaction.Deposit;
import io.agnt2.protocol.interaction.Transfer;
import io.agnt2.protocol.interaction.Withdraw;
import io.agnt2.protocol.state.AgentRecord;

/** TRANSFER, DEPOSIT and WITHDRAW: value between agents, and in from and out to L1. */
final class ValueRules {

    private ValueRules() {
    }

    /** The receiver is credited blindly (a delta), so a popular receiver does not serialise its payers. */
    static Effect transfer(StateView state, Transfer transfer) throws TransitionRejection {
        Checks.requireDistinct(transfer.from(), transfer.to(), "a transfer's sender and receiver");
        AgentRecord from = Checks.registered(state, transfer.from());
        Checks.requireFunds(from, transfer.amount());
        state.put(from.withBalance(from.balance().minus(transfer.amount())));
        state.apply(new Delta.Credit(transfer.to(), transfer.amount()));
        return Effect.moved(transfer.amount());
    }

    static Effect deposit(StateView state, Deposit deposit) {
        state.apply(new Delta.Credit(deposit.agent(), deposit.amount()));
        return Effect.moved(deposit.amount());
    }

    static Effect withdraw(StateView state, Withdraw withdraw) throws TransitionRejection {
        AgentRecord agent = Checks.registered(state, withdraw.agent());
        Checks.requireFunds(agent, withdraw.amount());
        state.put(agent.withBalance(agent.balance().minus(withdraw.amount())));
        return Effect.moved(withdraw.amount());
    }
}
