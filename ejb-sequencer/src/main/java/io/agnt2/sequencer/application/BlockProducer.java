package io.agnt2.sequencer.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The block clock: at most once per block interval it asks the sequencer to close a block (which tells
 * its submitters and records it) and then hands unpublished blocks to settlement. When closing takes
 * longer than the interval, the next block starts at once and is larger.
 *
 * <p>One task that schedules its own successor, not an EJB interval timer: a timer keeps firing while a
 * slow tick runs, and each waiting callback holds a thread of the server's shared pool, which the HTTP
 * requests and the block's own parallel execution need (with a 50 ms interval under load the gateway
 * stopped answering).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BlockProducer {

    private static final Logger LOG = Logger.getLogger(BlockProducer.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;
    @EJB
    InteractionSequencer sequencer;
    @EJB
    BlockPublisher publisher;
    @Inject
    BlockCloseTimings timings;
    @Inject
    @ConfigProperty(name = "agnt2.block.interval-ms", defaultValue = "500")
    long intervalMs;

    private volatile boolean stopped;
    private volatile ScheduledFuture<?> next;
    /** The outbox may hold a block: one was closed, or sending failed. Spares an idle server a query per tick. */
    private boolean outboxMayHoldBlocks = true;

    @PostConstruct
    void start() {
        next = scheduler.schedule(this::tick, intervalMs, TimeUnit.MILLISECONDS);
        LOG.info("block producer started, interval " + intervalMs + " ms");
    }

    @PreDestroy
    void stop() {
        stopped = true;
        ScheduledFuture<?> scheduled = next;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }

    private void tick() {
        long started = System.nanoTime();
        try {
            outboxMayHoldBlocks |= sequencer.closeBlock();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "closing a block failed; the pending interactions stay for the next tick", e);
        }
        try {
            if (outboxMayHoldBlocks) {
                long publishing = System.nanoTime();
                outboxMayHoldBlocks = !publisher.publishPending();
                timings.published(System.nanoTime() - publishing);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the outbox could not be read; blocks stay in it for the next tick", e);
        } finally {
            if (!stopped) {
                long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                next = scheduler.schedule(this::tick, Math.max(0, intervalMs - elapsedMs), TimeUnit.MILLISECONDS);
            }
        }
    }
}
