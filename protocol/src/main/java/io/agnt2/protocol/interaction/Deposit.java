package io.agnt2.protocol.interaction;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.eip712.Eip712Field;
import io.agnt2.protocol.eip712.Eip712Message;
import io.agnt2.protocol.eip712.Eip712Type;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;

import java.util.Objects;

/**
 * Value bridged in from L1, credited to {@code agent}. No agent signs it: the sequencer derives it from
 * the bridge's deposit queue, {@code depositId} being the L1 deposit index, and the L1 contract checks a
 * batch's deposits against that queue. It therefore never carries a signature ({@link SignedInteraction}).
 * It has an EIP-712 type anyway, so that its hash (its id) is computed like every other kind's.
 */
public record Deposit(AgentAddress agent, Wei amount, long depositId) implements Interaction {

    public static final Eip712Type TYPE = Eip712Type.of("Deposit",
            new Eip712Field("agent", "address"),
            new Eip712Field("amount", "uint256"),
            new Eip712Field("depositId", "uint64"));

    public Deposit {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(amount, "amount");
        if (depositId < 0) {
            throw new IllegalArgumentException("depositId must not be negative: " + depositId);
        }
    }

    static Deposit fromMessage(Eip712Message m) {
        return new Deposit(m.address("agent"), m.uint256("amount"), m.uint64("depositId"));
    }

    @Override
    public Kind kind() {
        return Kind.DEPOSIT;
    }

    /** The credited agent; it does not sign a deposit. */
    @Override
    public AgentAddress signer() {
        return agent;
    }

    /** The deposit index; no agent's nonce is consumed. */
    @Override
    public Nonce nonce() {
        return Nonce.of(depositId);
    }

    @Override
    public Eip712Message message() {
        return Eip712Message.of(TYPE, agent, amount, depositId);
    }
}
