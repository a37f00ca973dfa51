package io.agnt2.sequencer.infrastructure.persistence;

/** Where an accepted interaction stands. */
public enum InteractionStatus {
    /** Accepted and durable, waiting for the next block. */
    PENDING,
    /** Executed in a block. */
    INCLUDED,
    /** Put in a block but refused by the rules there (a head/execution mismatch; never expected). */
    FAILED
}
