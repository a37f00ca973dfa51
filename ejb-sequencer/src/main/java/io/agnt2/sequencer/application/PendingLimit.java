package io.agnt2.sequencer.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Admission waits while too many interactions wait for a block. Without it, on a few cores the request
 * threads took the CPU from the one thread that closes blocks: blocks grew, each took longer, and the
 * confirmation latency with them. Waiting threads cost no CPU, so the block closes sooner, and its size
 * stays near the limit. After {@link #MAX_WAIT_MILLIS} admission goes on anyway: blocks that cannot close
 * (the database or L1 away) must not hang the gateway; the log has its own bound (decision 0006).
 */
@ApplicationScoped
public class PendingLimit {

    static final long MAX_WAIT_MILLIS = 5_000;
    /** The count drops when a block is cut, before it has closed: look again this often, not only when told. */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    @Inject
    @ConfigProperty(name = "agnt2.sequencer.max-pending", defaultValue = "2000")
    int maxPending;

    private final Object blockClosed = new Object();

    /** Returns once fewer than the limit are pending, or after {@link #MAX_WAIT_MILLIS}. */
    void awaitRoom(IntSupplier pending) {
        if (pending.getAsInt() < maxPending) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MILLIS);
        synchronized (blockClosed) {
            long left;
            while (pending.getAsInt() >= maxPending && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(blockClosed, Math.min(left, RECHECK_NANOS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** A block was cut: the pending count dropped. */
    void blockClosed() {
        synchronized (blockClosed) {
            blockClosed.notifyAll();
        }
    }
}
