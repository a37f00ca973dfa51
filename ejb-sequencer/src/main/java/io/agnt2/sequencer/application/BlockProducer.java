package io.agnt2.sequencer.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The block clock: once per block interval, or sooner when a block's worth of interactions waits
 * ({@link BlockSchedule}), it asks the sequencer to close a block (execute it, make its marker durable,
 * tell its submitters). Recording, checkpoints and the settlement outbox follow
 * on {@link BlockFollowUp}'s thread, so the next block never waits for the database or the broker. When
 * closing takes longer than the interval, the next block starts at once and is larger.
 *
 * <p>One task that schedules its own successor on a thread of its own ({@link SequencerThreads}), neither
 * an EJB interval timer nor the managed scheduled executor: both run on the server's shared pool, whose
 * threads HTTP requests hold under load (waiting for room in the next block), so the tick that would make
 * that room queued behind them (decisions 0010, 0013).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BlockProducer {

    private static final Logger LOG = Logger.getLogger(BlockProducer.class.getName());
    /** How often the clock looks at the pending count between closes: cheap, and far below a block's time. */
    private static final long SIZE_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    @Inject
    SequencerThreads threads;
    @EJB
    InteractionSequencer sequencer;
    @Inject
    BlockFollowUp followUp;
    @Inject
    @ConfigProperty(name = "agnt2.block.interval-ms", defaultValue = "250")
    long intervalMs;
    /**
     * A block closes before its interval is over once this many interactions wait for it: by default the
     * admission limit ({@link PendingLimit}), so a full block closes at once instead of holding admission.
     */
    @Inject
    @ConfigProperty(name = "agnt2.block.max-interactions", defaultValue = "2000")
    int maxInteractions;

    private BlockSchedule schedule;

    private volatile boolean stopped;
    private ScheduledExecutorService clock;

    @PostConstruct
    void start() {
        clock = threads.blockClock();
        long now = System.nanoTime();
        schedule = new BlockSchedule(TimeUnit.MILLISECONDS.toNanos(intervalMs), maxInteractions, SIZE_CHECK_NANOS, now);
        clock.schedule(this::tick, schedule.nanosUntilNextLook(now), TimeUnit.NANOSECONDS);
        followUp.request(); // the outbox may hold blocks from before a restart
        LOG.info("block producer started: a block every " + intervalMs + " ms, or as soon as " + maxInteractions
                + " interactions wait");
    }

    @PreDestroy
    void stop() {
        stopped = true;
        clock.shutdownNow();
    }

    private void tick() {
        try {
            long now = System.nanoTime();
            if (schedule.isDue(now, sequencer.pendingCount())) {
                schedule.closed(now);
                sequencer.closeBlock();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "closing a block failed; the pending interactions stay for the next tick", e);
        } finally {
            if (!stopped) {
                try {
                    clock.schedule(this::tick, schedule.nanosUntilNextLook(System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException stopping) {
                    LOG.fine("block clock stopped");
                }
            }
        }
    }
}
