package io.agnt2.protocol.interaction;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.eip712.Eip712Field;
import io.agnt2.protocol.eip712.Eip712Message;
import io.agnt2.protocol.eip712.Eip712Type;
import io.agnt2.protocol.value.Nonce;

import java.util.Objects;

/** Ends the caller's session with {@code counterparty}, returning the unspent budget to its balance. */
public record SessionClose(AgentAddress caller, AgentAddress counterparty, Nonce nonce) implements Interaction {

    public static final Eip712Type TYPE = Eip712Type.of("SessionClose",
            new Eip712Field("caller", "address"),
            new Eip712Field("counterparty", "address"),
            new Eip712Field("nonce", "uint64"));

    public SessionClose {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(counterparty, "counterparty");
        Objects.requireNonNull(nonce, "nonce");
    }

    static SessionClose fromMessage(Eip712Message m) {
        return new SessionClose(m.address("caller"), m.address("counterparty"), Nonce.of(m.uint64("nonce")));
    }

    @Override
    public Kind kind() {
        return Kind.SESSION_CLOSE;
    }

    @Override
    public AgentAddress signer() {
        return caller;
    }

    @Override
    public Eip712Message message() {
        return Eip712Message.of(TYPE, caller, counterparty, nonce.value());
    }
}
