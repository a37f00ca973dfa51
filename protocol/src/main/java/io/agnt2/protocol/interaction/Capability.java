package io.agnt2.protocol.interaction;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.eip712.Eip712Field;
import io.agnt2.protocol.eip712.Eip712Message;
import io.agnt2.protocol.eip712.Eip712Type;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;

import java.util.Objects;

/**
 * Publishes ({@code offered}) or withdraws a service the agent offers, at {@code price} per invocation.
 * A withdrawal carries price 0. Invocations already open keep the price they escrowed.
 */
public record Capability(AgentAddress agent, CapabilityId capability, Wei price, boolean offered, Nonce nonce)
        implements Interaction {

    public static final Eip712Type TYPE = Eip712Type.of("Capability",
            new Eip712Field("agent", "address"),
            new Eip712Field("capability", "bytes32"),
            new Eip712Field("price", "uint256"),
            new Eip712Field("offered", "bool"),
            new Eip712Field("nonce", "uint64"));

    public Capability {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(capability, "capability");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(nonce, "nonce");
    }

    static Capability fromMessage(Eip712Message m) {
        return new Capability(m.address("agent"), new CapabilityId(m.bytes32("capability")), m.uint256("price"),
                m.bool("offered"), Nonce.of(m.uint64("nonce")));
    }

    @Override
    public Kind kind() {
        return Kind.CAPABILITY;
    }

    @Override
    public AgentAddress signer() {
        return agent;
    }

    @Override
    public Eip712Message message() {
        return Eip712Message.of(TYPE, agent, capability.value(), price, offered, nonce.value());
    }
}
