package io.agnt2.protocol.interaction;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.eip712.Eip712Field;
import io.agnt2.protocol.eip712.Eip712Message;
import io.agnt2.protocol.eip712.Eip712Type;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;

import java.util.List;
import java.util.Objects;

/**
 * A fan-in step: asks {@code callee}'s {@code capability} on the results of several earlier invocations
 * of the caller's ({@code inputs}, in the order the callee should take them), escrowing like INVOKE.
 */
public record Compose(AgentAddress caller, AgentAddress callee, CapabilityId capability, Wei maxPrice,
                      List<InvocationId> inputs, Nonce nonce) implements Interaction {

    /** Bounds what one interaction makes the rules look up, and what a hostile count makes a decoder read. */
    public static final int MAX_INPUTS = 64;

    public static final Eip712Type TYPE = Eip712Type.of("Compose",
            new Eip712Field("caller", "address"),
            new Eip712Field("callee", "address"),
            new Eip712Field("capability", "bytes32"),
            new Eip712Field("maxPrice", "uint256"),
            new Eip712Field("inputs", "bytes32[]"),
            new Eip712Field("nonce", "uint64"));

    public Compose {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callee, "callee");
        Objects.requireNonNull(capability, "capability");
        Objects.requireNonNull(maxPrice, "maxPrice");
        Objects.requireNonNull(nonce, "nonce");
        inputs = List.copyOf(inputs);
        if (inputs.size() > MAX_INPUTS) {
            throw new IllegalArgumentException("a compose takes at most " + MAX_INPUTS + " inputs, got " + inputs.size());
        }
    }

    static Compose fromMessage(Eip712Message m) {
        return new Compose(m.address("caller"), m.address("callee"), new CapabilityId(m.bytes32("capability")),
                m.uint256("maxPrice"), m.bytes32Array("inputs").stream().map(InvocationId::new).toList(),
                Nonce.of(m.uint64("nonce")));
    }

    @Override
    public Kind kind() {
        return Kind.COMPOSE;
    }

    @Override
    public AgentAddress signer() {
        return caller;
    }

    @Override
    public Eip712Message message() {
        List<Bytes32> inputWords = inputs.stream().map(InvocationId::value).toList();
        return Eip712Message.of(TYPE, caller, callee, capability.value(), maxPrice, inputWords, nonce.value());
    }
}
