package io.agnt2.protocol.interaction;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.eip712.Eip712Field;
import io.agnt2.protocol.eip712.Eip712Message;
import io.agnt2.protocol.eip712.Eip712Type;
import io.agnt2.protocol.value.Nonce;

import java.util.Objects;

/**
 * The caller's feedback on one of its answered invocations (ERC-8004 reputation): adds {@code score} to
 * the callee's reputation. The callee is named so that the key it credits follows from the fields.
 */
public record Rate(AgentAddress caller, AgentAddress callee, InvocationId invocation, int score, Nonce nonce)
        implements Interaction {

    /** The range the rules accept; the wire carries any uint8 so that the refusal has a stable reason. */
    public static final int MIN_SCORE = 1;
    public static final int MAX_SCORE = 5;

    public static final Eip712Type TYPE = Eip712Type.of("Rate",
            new Eip712Field("caller", "address"),
            new Eip712Field("callee", "address"),
            new Eip712Field("invocation", "bytes32"),
            new Eip712Field("score", "uint8"),
            new Eip712Field("nonce", "uint64"));

    public Rate {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callee, "callee");
        Objects.requireNonNull(invocation, "invocation");
        Objects.requireNonNull(nonce, "nonce");
        if (score < 0 || score > 255) {
            throw new IllegalArgumentException("score is a uint8, got " + score);
        }
    }

    static Rate fromMessage(Eip712Message m) {
        return new Rate(m.address("caller"), m.address("callee"), new InvocationId(m.bytes32("invocation")),
                m.uint8("score"), Nonce.of(m.uint64("nonce")));
    }

    @Override
    public Kind kind() {
        return Kind.RATE;
    }

    @Override
    public AgentAddress signer() {
        return caller;
    }

    @Override
    public Eip712Message message() {
        return Eip712Message.of(TYPE, caller, callee, invocation.value(), score, nonce.value());
    }
}
