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
 * The block clock: at most once per block interval it asks the sequencer to close a block (execute it,
 * make its marker durable, tell its submitters). Recording, checkpoints and the settlement outbox follow
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

    @Inject
    SequencerThreads threads;
    @EJB
    InteractionSequencer sequencer;
    @Inject
    BlockFollowUp followUp;
    @Inject
    @ConfigProperty(name = "agnt2.block.interval-ms", defaultValue = "500")
    long intervalMs;

    private volatile boolean stopped;
    private ScheduledExecutorService clock;

    @PostConstruct
    void start() {
        clock = threads.blockClock();
        clock.schedule(this::tick, intervalMs, TimeUnit.MILLISECONDS);
        followUp.request(); // the outbox may hold blocks from before a restart
        LOG.info("block producer started, interval " + intervalMs + " ms");
    }

    @PreDestroy
    void stop() {
        stopped = true;
        clock.shutdownNow();
    }

    private void tick() {
        long started = System.nanoTime();
        try {
            sequencer.closeBlock();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "closing a block failed; the pending interactions stay for the next tick", e);
        } finally {
            if (!stopped) {
                long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                try {
                    clock.schedule(this::tick, Math.max(0, intervalMs - elapsedMs), TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException stopping) {
                    LOG.fine("block clock stopped");
                }
            }
        }
    }
}
