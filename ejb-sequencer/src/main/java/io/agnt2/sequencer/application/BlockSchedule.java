package io.agnt2.sequencer.application;

/**
 * When the next block closes: once {@code interval} has passed since the last one, or sooner when
 * {@code maxInteractions} wait for it, so a burst makes more blocks of a bounded size instead of one
 * huge block that every submitter waits for. Between closes the clock looks at the pending count
 * every {@code sizeCheckNanos}. Times are {@link System#nanoTime()} values.
 */
final class BlockSchedule {

    private final long intervalNanos;
    private final int maxInteractions;
    private final long sizeCheckNanos;
    private long lastCloseNanos;

    BlockSchedule(long intervalNanos, int maxInteractions, long sizeCheckNanos, long nowNanos) {
        if (intervalNanos <= 0 || maxInteractions <= 0 || sizeCheckNanos <= 0) {
            throw new IllegalArgumentException("block interval, size and size check must be positive");
        }
        this.intervalNanos = intervalNanos;
        this.maxInteractions = maxInteractions;
        this.sizeCheckNanos = sizeCheckNanos;
        this.lastCloseNanos = nowNanos;
    }

    boolean isDue(long nowNanos, int pending) {
        return nowNanos - lastCloseNanos >= intervalNanos || pending >= maxInteractions;
    }

    void closed(long nowNanos) {
        lastCloseNanos = nowNanos;
    }

    /** How long the clock may sleep: until the interval is over, but no longer than one size check. */
    long nanosUntilNextLook(long nowNanos) {
        long untilInterval = lastCloseNanos + intervalNanos - nowNanos;
        return Math.max(0, Math.min(untilInterval, sizeCheckNanos));
    }
}
