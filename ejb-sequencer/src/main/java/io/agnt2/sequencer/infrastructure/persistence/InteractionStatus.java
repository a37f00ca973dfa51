package io.agnt2.sequencer.infrastructure.persistence;

/** How a block executed an interaction. Only interactions in blocks are stored; pending ones live in the core. */
public enum InteractionStatus {
    /** Executed in a block. */
    INCLUDED,
    /** Put in a block but refused by the rules there (a head/execution mismatch; never expected). */
    FAILED
}
