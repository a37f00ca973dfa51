package io.agnt2.sequencer.core;

import io.agnt2.protocol.execution.TransitionRejection;
import io.agnt2.protocol.value.Bytes32;

import java.util.Optional;

/**
 * The core refused an interaction at acceptance: it changed nothing and was not logged. The
 * {@link #code()} is stable (the gateway's problem type): the state transition's reason, or
 * {@value #DUPLICATE} for an interaction already accepted.
 */
public final class InteractionRefused extends Exception {

    public static final String DUPLICATE = "duplicate-interaction";

    private final String code;
    private final transient TransitionRejection.Reason reason;

    private InteractionRefused(String code, TransitionRejection.Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.reason = reason;
    }

    static InteractionRefused duplicate(Bytes32 hash) {
        return new InteractionRefused(DUPLICATE, null, "interaction " + hash + " was already accepted", null);
    }

    static InteractionRefused rejected(TransitionRejection rejection) {
        return new InteractionRefused(rejection.reason().code(), rejection.reason(), rejection.getMessage(), rejection);
    }

    public String code() {
        return code;
    }

    /** The state transition's reason; empty for a duplicate. */
    public Optional<TransitionRejection.Reason> reason() {
        return Optional.ofNullable(reason);
    }
}
