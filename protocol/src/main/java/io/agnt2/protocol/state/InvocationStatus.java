package io.agnt2.protocol.state;

/** Where an invocation is in its life: escrowed, answered (escrow released), rated. */
public enum InvocationStatus {
    OPEN(0),
    RESPONDED(1),
    RATED(2);

    private final int code;

    InvocationStatus(int code) {
        this.code = code;
    }

    /** The byte in the record encoding; fixed, independent of declaration order. */
    public int code() {
        return code;
    }

    /** RESPONDED or RATED: the callee has answered, so its result can feed a COMPOSE. */
    public boolean isAnswered() {
        return this != OPEN;
    }
}
