package io.agnt2.protocol.interaction;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.eip712.Eip712Field;
import io.agnt2.protocol.eip712.Eip712Message;
import io.agnt2.protocol.eip712.Eip712Type;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;

import java.util.Objects;

/** Moves {@code amount} from one agent to another; signed by the sender. */
public record Transfer(AgentAddress from, AgentAddress to, Wei amount, Nonce nonce) implements Interaction {

    public static final Eip712Type TYPE = Eip712Type.of("Transfer",
            new Eip712Field("from", "address"),
            new Eip712Field("to", "address"),
            new Eip712Field("amount", "uint256"),
            new Eip712Field("nonce", "uint64"));

    /** {@code Transfer(address from,address to,uint256 amount,uint64 nonce)}. */
    public static final String TYPE_DEFINITION = TYPE.definition();

    public Transfer {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(nonce, "nonce");
    }

    static Transfer fromMessage(Eip712Message m) {
        return new Transfer(m.address("from"), m.address("to"), m.uint256("amount"), Nonce.of(m.uint64("nonce")));
    }

    @Override
    public Kind kind() {
        return Kind.TRANSFER;
    }

    @Override
    public AgentAddress signer() {
        return from;
    }

    @Override
    public Eip712Message message() {
        return Eip712Message.of(TYPE, from, to, amount, nonce.value());
    }
}
