package io.agnt2.sequencer.application;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The work after a block closed, on its own thread so the block clock never waits for it: record the
 * closed blocks in the database, then checkpoint when one is due (only once every closed block is
 * recorded, since a checkpoint lets the log drop what could replay them), then hand the outbox to
 * settlement's queue. Each run does everything outstanding, so a burst of blocks costs one run; a
 * failed step is retried after {@link #retryMillis}. Requests that arrive during a run start one more.
 */
@ApplicationScoped
public class BlockFollowUp {

    private static final Logger LOG = Logger.getLogger(BlockFollowUp.class.getName());

    @Inject
    SequencerThreads threads;
    @Inject
    BlockRecording recording;
    @Inject
    BlockCloseTimings timings;
    @EJB
    InteractionSequencer sequencer;
    @EJB
    BlockPublisher publisher;
    @Inject
    @ConfigProperty(name = "agnt2.block.interval-ms", defaultValue = "500")
    long retryMillis;

    private final AtomicBoolean requested = new AtomicBoolean();
    private ScheduledExecutorService thread;
    /** Spares an idle server a query of the outbox per block: only after a block closed or sending failed. */
    private volatile boolean outboxMayHoldBlocks = true;

    /** A block closed (or was replayed), or the server started: run soon, once for all that waits. */
    public void request() {
        outboxMayHoldBlocks = true;
        if (requested.compareAndSet(false, true)) {
            submit(0);
        }
    }

    private synchronized void submit(long delayMillis) {
        if (thread == null) {
            thread = threads.blockFollowUp();
        }
        try {
            thread.schedule(this::run, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            LOG.fine("the application is stopping; blocks stay in the log and the outbox");
        }
    }

    private void run() {
        requested.set(false); // a request from now on runs again after this one
        boolean done = false;
        try {
            long start = System.nanoTime();
            boolean recorded = recording.recordOutstanding();
            timings.recorded(System.nanoTime() - start);
            if (recorded) {
                sequencer.checkpointIfDue();
            }
            if (outboxMayHoldBlocks) {
                long publishing = System.nanoTime();
                outboxMayHoldBlocks = !publisher.publishPending();
                timings.published(System.nanoTime() - publishing);
            }
            done = recorded && !outboxMayHoldBlocks;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "following up closed blocks failed; retrying", e);
        } finally {
            if (!done && requested.compareAndSet(false, true)) {
                submit(retryMillis);
            }
        }
    }
}
