package io.agnt2.sequencer.infrastructure.log;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of an {@link InteractionLog}.
 *
 * @param segmentBytes  a segment is closed and a new one started before it would grow past this;
 *                      the unit that checkpoints delete
 * @param queueCapacity records accepted but not yet written; the bound that makes appenders wait
 *                      when the disk falls behind, instead of the heap filling up
 * @param appendTimeout how long an append waits for room in a full queue before it fails with
 *                      {@link LogFullException}
 */
public record LogOptions(long segmentBytes, int queueCapacity, Duration appendTimeout) {

    /** The smallest segment that still holds a block marker and a small interaction. */
    static final long MIN_SEGMENT_BYTES = 1024;

    public LogOptions {
        Objects.requireNonNull(appendTimeout, "appendTimeout");
        if (segmentBytes < MIN_SEGMENT_BYTES) {
            throw new IllegalArgumentException("segmentBytes " + segmentBytes + " < " + MIN_SEGMENT_BYTES);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity " + queueCapacity + " < 1");
        }
        if (appendTimeout.isNegative()) {
            throw new IllegalArgumentException("negative appendTimeout " + appendTimeout);
        }
    }

    /** 64 MiB segments, 64k queued records, appenders wait up to 5 s. */
    public static LogOptions defaults() {
        return new LogOptions(64L << 20, 65_536, Duration.ofSeconds(5));
    }

    public LogOptions withSegmentBytes(long bytes) {
        return new LogOptions(bytes, queueCapacity, appendTimeout);
    }

    public LogOptions withQueueCapacity(int capacity) {
        return new LogOptions(segmentBytes, capacity, appendTimeout);
    }

    public LogOptions withAppendTimeout(Duration timeout) {
        return new LogOptions(segmentBytes, queueCapacity, timeout);
    }

    /** The largest payload a record may carry: the format's bound, or what fits in one segment. */
    int maxPayloadBytes() {
        long fits = segmentBytes - SegmentFile.HEADER_BYTES - RecordFormat.HEADER_BYTES;
        return (int) Math.min(RecordFormat.MAX_PAYLOAD_BYTES, fits);
    }
}
