package io.agnt2.protocol.interaction;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.eip712.Eip712Field;
import io.agnt2.protocol.eip712.Eip712Message;
import io.agnt2.protocol.eip712.Eip712Type;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;

import java.util.Objects;

/**
 * Asks {@code callee}'s {@code capability}, escrowing its current price (at most {@code maxPrice}) from
 * the caller's balance, or from the caller's session with the callee when {@code useSession}.
 * {@code requestHash} commits to the request sent off-chain. Opens invocation {@link InvocationId#of}.
 */
public record Invoke(AgentAddress caller, AgentAddress callee, CapabilityId capability, Wei maxPrice,
                     Bytes32 requestHash, boolean useSession, Nonce nonce) implements Interaction {

    public static final Eip712Type TYPE = Eip712Type.of("Invoke",
            new Eip712Field("caller", "address"),
            new Eip712Field("callee", "address"),
            new Eip712Field("capability", "bytes32"),
            new Eip712Field("maxPrice", "uint256"),
            new Eip712Field("requestHash", "bytes32"),
            new Eip712Field("useSession", "bool"),
            new Eip712Field("nonce", "uint64"));

    public Invoke {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callee, "callee");
        Objects.requireNonNull(capability, "capability");
        Objects.requireNonNull(maxPrice, "maxPrice");
        Objects.requireNonNull(requestHash, "requestHash");
        Objects.requireNonNull(nonce, "nonce");
    }

    static Invoke fromMessage(Eip712Message m) {
        return new Invoke(m.address("caller"), m.address("callee"), new CapabilityId(m.bytes32("capability")),
                m.uint256("maxPrice"), m.bytes32("requestHash"), m.bool("useSession"), Nonce.of(m.uint64("nonce")));
    }

    @Override
    public Kind kind() {
        return Kind.INVOKE;
    }

    @Override
    public AgentAddress signer() {
        return caller;
    }

    @Override
    public Eip712Message message() {
        return Eip712Message.of(TYPE, caller, callee, capability.value(), maxPrice, requestHash, useSession,
                nonce.value());
    }
}
