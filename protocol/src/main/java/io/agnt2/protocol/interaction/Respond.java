package io.agnt2.protocol.interaction;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.eip712.Eip712Field;
import io.agnt2.protocol.eip712.Eip712Message;
import io.agnt2.protocol.eip712.Eip712Type;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Nonce;

import java.util.Objects;

/**
 * The callee answers {@code invocation}, which lives on {@code caller}'s record (named here so the keys
 * it writes follow from its fields), committing to {@code resultHash}; the escrow is released to it.
 */
public record Respond(AgentAddress callee, AgentAddress caller, InvocationId invocation, Bytes32 resultHash,
                      Nonce nonce) implements Interaction {

    public static final Eip712Type TYPE = Eip712Type.of("Respond",
            new Eip712Field("callee", "address"),
            new Eip712Field("caller", "address"),
            new Eip712Field("invocation", "bytes32"),
            new Eip712Field("resultHash", "bytes32"),
            new Eip712Field("nonce", "uint64"));

    public Respond {
        Objects.requireNonNull(callee, "callee");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(invocation, "invocation");
        Objects.requireNonNull(resultHash, "resultHash");
        Objects.requireNonNull(nonce, "nonce");
    }

    static Respond fromMessage(Eip712Message m) {
        return new Respond(m.address("callee"), m.address("caller"), new InvocationId(m.bytes32("invocation")),
                m.bytes32("resultHash"), Nonce.of(m.uint64("nonce")));
    }

    @Override
    public Kind kind() {
        return Kind.RESPOND;
    }

    @Override
    public AgentAddress signer() {
        return callee;
    }

    @Override
    public Eip712Message message() {
        return Eip712Message.of(TYPE, callee, caller, invocation.value(), resultHash, nonce.value());
    }
}
