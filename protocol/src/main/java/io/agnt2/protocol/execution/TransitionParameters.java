package io.agnt2.protocol.execution;

import io.agnt2.protocol.eip712.Eip712Domain;
import io.agnt2.protocol.value.Wei;

import java.util.Objects;

/**
 * The chain's constants the rules depend on; the L1 challenger must use the same ones as the sequencer.
 *
 * @param domain                  signatures and interaction hashes (so invocation ids) are under it
 * @param registrationGrant       credited by REGISTER: zero in production, a faucet in development
 * @param invocationTimeoutBlocks how many blocks after its INVOKE an invocation may still be answered
 */
public record TransitionParameters(Eip712Domain domain, Wei registrationGrant, long invocationTimeoutBlocks) {

    /** About an hour at 2-second blocks: long enough for a slow model, short enough to bound escrow. */
    public static final long DEFAULT_INVOCATION_TIMEOUT_BLOCKS = 1800;

    public TransitionParameters {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(registrationGrant, "registrationGrant");
        if (invocationTimeoutBlocks <= 0) {
            throw new IllegalArgumentException("invocation timeout must be positive, got " + invocationTimeoutBlocks);
        }
    }

    /** No registration grant, the default timeout. */
    public static TransitionParameters of(Eip712Domain domain) {
        return new TransitionParameters(domain, Wei.ZERO, DEFAULT_INVOCATION_TIMEOUT_BLOCKS);
    }

    public TransitionParameters withRegistrationGrant(Wei grant) {
        return new TransitionParameters(domain, grant, invocationTimeoutBlocks);
    }
}
