package io.agnt2.protocol.state;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.interaction.CapabilityId;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Wei;

import java.util.Objects;

/**
 * One of the caller's outgoing invocations. While OPEN, {@code amount} is the escrow: it has left the
 * caller's balance (or session) and not yet reached the callee. {@code resultHash} is zero until answered.
 */
public record Invocation(AgentAddress callee, CapabilityId capability, Wei amount, InvocationStatus status,
                         Bytes32 resultHash, long expiresAtBlock) {

    public Invocation {
        Objects.requireNonNull(callee, "callee");
        Objects.requireNonNull(capability, "capability");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(resultHash, "resultHash");
        if (expiresAtBlock < 0) {
            throw new IllegalArgumentException("expiresAtBlock must not be negative: " + expiresAtBlock);
        }
    }

    /** A new escrow, waiting for the callee's answer until {@code expiresAtBlock}. */
    public static Invocation open(AgentAddress callee, CapabilityId capability, Wei amount, long expiresAtBlock) {
        return new Invocation(callee, capability, amount, InvocationStatus.OPEN, Bytes32.ZERO, expiresAtBlock);
    }

    /** The value still held in escrow: the amount while OPEN, nothing after. */
    public Wei escrow() {
        return status == InvocationStatus.OPEN ? amount : Wei.ZERO;
    }

    public Invocation responded(Bytes32 result) {
        return new Invocation(callee, capability, amount, InvocationStatus.RESPONDED, result, expiresAtBlock);
    }

    public Invocation rated() {
        return new Invocation(callee, capability, amount, InvocationStatus.RATED, resultHash, expiresAtBlock);
    }
}
