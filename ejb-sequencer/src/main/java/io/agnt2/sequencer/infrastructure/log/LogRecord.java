package io.agnt2.sequencer.infrastructure.log;

import java.util.Objects;

/**
 * One record of the interaction log, as replay hands it back. Every record, whatever its kind, takes
 * the next sequence number: sequence numbers are log positions, so interaction sequences skip one
 * at each block marker.
 */
public sealed interface LogRecord permits LogRecord.Interaction, LogRecord.BlockMarker {

    /** The log position of this record: strictly increasing, without gaps, from 1. */
    long sequence();

    /**
     * A signed interaction in its canonical encoding. The log does not interpret the payload.
     */
    record Interaction(long sequence, byte[] payload) implements LogRecord {
        public Interaction {
            Objects.requireNonNull(payload, "payload");
        }
    }

    /**
     * The sequencer closed block {@code blockNumber}; it holds every interaction up to and including
     * {@code lastSequence} that a previous marker did not already claim, and its state root is
     * {@code stateRoot}.
     */
    record BlockMarker(long sequence, long blockNumber, long lastSequence, byte[] stateRoot)
            implements LogRecord {
        public BlockMarker {
            Objects.requireNonNull(stateRoot, "stateRoot");
        }
    }
}
