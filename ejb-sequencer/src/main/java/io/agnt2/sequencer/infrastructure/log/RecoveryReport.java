package io.agnt2.sequencer.infrastructure.log;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link InteractionLog#open} found.
 *
 * @param segments     segment files kept
 * @param records      valid records found in them
 * @param lastSequence highest sequence number recovered, 0 if none
 * @param truncations  torn writes cut off the tail; never an acknowledged record (see
 *                     {@link RecordFormat#MAX_BATCH_BYTES})
 */
public record RecoveryReport(int segments, long records, long lastSequence, List<Truncation> truncations) {

    public RecoveryReport {
        truncations = List.copyOf(truncations);
    }

    /**
     * Bytes dropped from {@code file}: from {@code offset} to its end, or the whole file when a
     * crash left a new segment without a complete header ({@code offset} 0).
     */
    public record Truncation(Path file, long offset, long droppedBytes, String reason) {
        @Override
        public String toString() {
            return "dropped " + droppedBytes + " bytes of " + file + " from offset " + offset + ": " + reason;
        }
    }

    public boolean clean() {
        return truncations.isEmpty();
    }
}
