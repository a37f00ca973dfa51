package io.agnt2.protocol.interaction;

/**
 * How a channel ended on L1, as its adjudicator's events show it. The codes are the CHANNEL_CLOSE's
 * {@code outcome} field, fixed forever.
 */
public enum ChannelCloseOutcome {
    /** Both signed a final state and were paid at once ({@code finalizeCooperative}). */
    COOPERATIVE(0),
    /** One side registered a state, nobody answered within the challenge period: nobody proved wrong. */
    UNCONTESTED(1),
    /** One side registered a state and the other answered with a newer one: the first claimed a stale state. */
    DISPUTED(2);

    private final int code;

    ChannelCloseOutcome(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** @throws IllegalArgumentException for a code no outcome has */
    public static ChannelCloseOutcome fromCode(int code) {
        for (ChannelCloseOutcome outcome : values()) {
            if (outcome.code == code) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("unknown channel close outcome " + code + " (known: 0..2)");
    }
}
