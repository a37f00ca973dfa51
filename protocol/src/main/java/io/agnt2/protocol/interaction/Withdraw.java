package io.agnt2.protocol.interaction;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.eip712.Eip712Field;
import io.agnt2.protocol.eip712.Eip712Message;
import io.agnt2.protocol.eip712.Eip712Type;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;

import java.util.Objects;

/**
 * Debits {@code amount} from the agent's balance for an exit to {@code recipient} on L1 (the exit itself,
 * with its proof against the state root, comes with settlement).
 */
public record Withdraw(AgentAddress agent, AgentAddress recipient, Wei amount, Nonce nonce) implements Interaction {

    public static final Eip712Type TYPE = Eip712Type.of("Withdraw",
            new Eip712Field("agent", "address"),
            new Eip712Field("recipient", "address"),
            new Eip712Field("amount", "uint256"),
            new Eip712Field("nonce", "uint64"));

    public Withdraw {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(nonce, "nonce");
    }

    static Withdraw fromMessage(Eip712Message m) {
        return new Withdraw(m.address("agent"), m.address("recipient"), m.uint256("amount"),
                Nonce.of(m.uint64("nonce")));
    }

    @Override
    public Kind kind() {
        return Kind.WITHDRAW;
    }

    @Override
    public AgentAddress signer() {
        return agent;
    }

    @Override
    public Eip712Message message() {
        return Eip712Message.of(TYPE, agent, recipient, amount, nonce.value());
    }
}
