package io.agnt2.settlement.infrastructure.l1;

/**
 * Talking to L1 failed: the node was unreachable, answered with an error, or no receipt came
 * within the configured time. Unchecked, so that callers (EJBs) decide themselves whether it rolls
 * back their transaction.
 */
public class RollupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RollupException(String message) {
        super(message);
    }

    public RollupException(String message, Throwable cause) {
        super(message, cause);
    }
}
