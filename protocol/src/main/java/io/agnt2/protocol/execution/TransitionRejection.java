package io.agnt2.protocol.execution;

import java.util.Locale;
import java.util.Objects;

/**
 * An interaction the state transition refuses; it changed nothing. The reason is stable and part of the
 * API (the gateway's problem type, a failed receipt's status, what a fraud proof argues about); the
 * message is for people.
 */
public final class TransitionRejection extends Exception {

    public enum Reason {
        BAD_SIGNATURE,
        NONCE_MISMATCH,
        UNKNOWN_AGENT,
        ALREADY_REGISTERED,
        INSUFFICIENT_BALANCE,
        UNKNOWN_CAPABILITY,
        PRICE_ABOVE_MAX,
        INVOCATION_NOT_FOUND,
        /** The invocation names another callee than the RESPOND's signer or the RATE's callee field. */
        WRONG_CALLEE,
        INVOCATION_NOT_OPEN,
        INVOCATION_EXPIRED,
        INVOCATION_NOT_RESPONDED,
        ALREADY_RATED,
        SESSION_NOT_FOUND,
        SESSION_EXISTS,
        SESSION_EXPIRED,
        SESSION_OVER_BUDGET,
        /** A field no state could make valid: a self-invocation, a score out of range, an empty fan-in... */
        INVALID_FIELD,
        /** The rules touched a record the interaction did not declare (a bug, refused rather than run wider). */
        UNDECLARED_KEY_ACCESS,
        /** A channel's opening names a channel a participant's record already holds. */
        CHANNEL_EXISTS,
        /** A channel's closing names a channel the participants' records do not hold. */
        CHANNEL_NOT_FOUND,
        /** An L1 event at or before the newest one the rollup already applied: each counts once. */
        L1_EVENT_ALREADY_APPLIED;

        /** e.g. {@code price-above-max}: the slug of the problem type URI. */
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;

    public TransitionRejection(Reason reason, String detail) {
        super(detail);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
