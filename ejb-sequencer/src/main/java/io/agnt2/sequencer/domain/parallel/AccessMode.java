package io.agnt2.sequencer.domain.parallel;

/**
 * How a task touches one key. This enum is the single home of the conflict rule; the graph builder
 * and {@link KeyAccess#conflictsWith} both ask {@link #commutesWith}.
 */
public enum AccessMode {
    /** Observes the key's value, including every earlier delta. */
    READ,
    /** Replaces the key's value (usually read-modify-write); exclusive. */
    WRITE,
    /** Adds a commutative increment (a credit, a reputation score) without observing the value. */
    DELTA;

    /**
     * Whether two different tasks may touch the same key in these modes in either order, or at the
     * same time, with the same outcome. Reads commute with reads (nothing changes). Deltas commute
     * with deltas (the algebra is commutative and associative, and merging is atomic). A read does
     * not commute with a delta: the read would or would not see the increment depending on timing.
     * A write commutes with nothing: it either overwrites or is overwritten, read or not read.
     */
    public boolean commutesWith(AccessMode other) {
        return this == other && this != WRITE;
    }
}
