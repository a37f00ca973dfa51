package io.agnt2.protocol.interaction;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.eip712.Eip712Field;
import io.agnt2.protocol.eip712.Eip712Message;
import io.agnt2.protocol.eip712.Eip712Type;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;

import java.util.Objects;

/**
 * Locks {@code budget} of the caller's balance for invocations of {@code counterparty} until block
 * {@code expiresAtBlock} (inclusive); INVOKEs with {@code useSession} then spend from it.
 */
public record SessionOpen(AgentAddress caller, AgentAddress counterparty, Wei budget, long expiresAtBlock,
                          Nonce nonce) implements Interaction {

    public static final Eip712Type TYPE = Eip712Type.of("SessionOpen",
            new Eip712Field("caller", "address"),
            new Eip712Field("counterparty", "address"),
            new Eip712Field("budget", "uint256"),
            new Eip712Field("expiresAtBlock", "uint64"),
            new Eip712Field("nonce", "uint64"));

    public SessionOpen {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(counterparty, "counterparty");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(nonce, "nonce");
        if (expiresAtBlock < 0) {
            throw new IllegalArgumentException("expiresAtBlock must not be negative: " + expiresAtBlock);
        }
    }

    static SessionOpen fromMessage(Eip712Message m) {
        return new SessionOpen(m.address("caller"), m.address("counterparty"), m.uint256("budget"),
                m.uint64("expiresAtBlock"), Nonce.of(m.uint64("nonce")));
    }

    @Override
    public Kind kind() {
        return Kind.SESSION_OPEN;
    }

    @Override
    public AgentAddress signer() {
        return caller;
    }

    @Override
    public Eip712Message message() {
        return Eip712Message.of(TYPE, caller, counterparty, budget, expiresAtBlock, nonce.value());
    }
}
