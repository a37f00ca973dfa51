package io.agnt2.sequencer.application;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sequencer's own threads, made by the container's {@link ManagedThreadFactory} (so they carry the
 * application's context) but not taken from the server's shared pool.
 *
 * <p>Why not the managed executor: under load the shared pool's threads are held by HTTP requests
 * (waiting for room in the next block or for the log's fsync), and the block clock's tick and the
 * block's parallel tasks then queued behind them; a block that should take milliseconds took seconds
 * and the requests waited for it in turn (decision 0013). Each managed-executor task also captured the
 * caller's thread context (security, class loader, naming) — a copy of server configuration per task,
 * for work that needs none of it.
 */
@ApplicationScoped
public class SequencerThreads {

    @Resource
    ManagedThreadFactory threadFactory;

    private final List<ExecutorService> started = new ArrayList<>();

    /** Runs a block's independent interactions and leaf hashes: {@code parallelism} threads, nothing else queued on them. */
    public synchronized ExecutorService blockExecution(int parallelism) {
        return track(Executors.newFixedThreadPool(parallelism, named("agnt2-block-execution")));
    }

    /** The block clock: one thread that only closes blocks (execute, mark durable, confirm). */
    public synchronized ScheduledExecutorService blockClock() {
        return track(Executors.newSingleThreadScheduledExecutor(named("agnt2-block-clock")));
    }

    /** What follows a closed block and may be slow: the database, checkpoints, the settlement outbox. */
    public synchronized ScheduledExecutorService blockFollowUp() {
        return track(Executors.newSingleThreadScheduledExecutor(named("agnt2-block-follow-up")));
    }

    @PreDestroy
    synchronized void stop() {
        started.forEach(ExecutorService::shutdownNow);
        started.clear();
    }

    private <E extends ExecutorService> E track(E executor) {
        started.add(executor);
        return executor;
    }

    private ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = threadFactory.newThread(task);
            thread.setName(name + "-" + count.incrementAndGet());
            return thread;
        };
    }
}
