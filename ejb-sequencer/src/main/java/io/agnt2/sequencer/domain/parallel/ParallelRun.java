package io.agnt2.sequencer.domain.parallel;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * One execution of a graph: per-node counters of unfinished predecessors, and the bookkeeping to
 * know when every node is done. Used once, then dropped.
 *
 * <p>Scheduling: {@code parallelism} starters drain the roots (nodes without predecessors) through
 * a shared cursor, so a block of 10^5 independent tasks costs a handful of submissions, not 10^5.
 * A finishing node decrements each successor's counter; the thread that brings a counter to zero
 * owns that successor: it keeps one to run next itself (a chain runs on one thread with no hand-off)
 * and submits the others.
 *
 * <p>Memory visibility: a task publishes its effects before it decrements its successors' counters,
 * and the successor runs on the thread that decremented the counter to zero, or on one it submitted
 * to: the volatile read-modify-write chain on the counter plus the executor's hand-off order every
 * predecessor's publication before the successor's first read. The same argument on
 * {@code unfinished} and the latch publishes the outcome array to the waiting caller.
 */
final class ParallelRun<R> {

    private final DependencyGraph graph;
    private final IntFunction<TaskOutcome<R>> runTask;
    private final Executor executor;
    private final AtomicIntegerArray waiting;
    private final int[] roots;
    private final AtomicInteger nextRoot = new AtomicInteger();
    private final AtomicInteger unfinished;
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();
    private final TaskOutcome<R>[] outcomes;

    @SuppressWarnings("unchecked")
    ParallelRun(DependencyGraph graph, IntFunction<TaskOutcome<R>> runTask, Executor executor) {
        this.graph = graph;
        this.runTask = runTask;
        this.executor = executor;
        int nodes = graph.nodeCount();
        this.waiting = new AtomicIntegerArray(nodes);
        IntList rootList = new IntList(Math.max(1, nodes / 4));
        for (int node = 0; node < nodes; node++) {
            int count = graph.predecessorCount(node);
            waiting.set(node, count); // plain set is enough: published by the submissions below
            if (count == 0) {
                rootList.add(node);
            }
        }
        this.roots = rootList.toArray();
        this.unfinished = new AtomicInteger(nodes);
        this.outcomes = (TaskOutcome<R>[]) new TaskOutcome<?>[graph.taskCount()];
    }

    List<TaskOutcome<R>> run(int parallelism) {
        if (graph.nodeCount() == 0) {
            return List.of();
        }
        int starters = Math.min(parallelism, roots.length);
        for (int i = 0; i < starters; i++) {
            submit(this::drainRoots);
        }
        try {
            done.await();
        } catch (InterruptedException interrupted) {
            abort(interrupted); // workers stop at their next node; the state is discarded
            Thread.currentThread().interrupt();
        }
        Throwable failure = fatal.get();
        if (failure != null) {
            throw failure instanceof BlockExecutionException blockFailure ? blockFailure
                    : new BlockExecutionException("parallel execution aborted", failure);
        }
        return Arrays.asList(outcomes);
    }

    private void drainRoots() {
        int index;
        while (fatal.get() == null && (index = nextRoot.getAndIncrement()) < roots.length) {
            runFrom(roots[index]);
        }
    }

    private void runFrom(int node) {
        try {
            int current = node;
            while (current >= 0 && fatal.get() == null) {
                int task = graph.taskOf(current);
                if (task >= 0) {
                    outcomes[task] = runTask.apply(task);
                }
                int next = release(current);
                if (unfinished.decrementAndGet() == 0) {
                    done.countDown();
                }
                current = next;
            }
        } catch (Throwable error) {
            abort(error);
        }
    }

    /** Counts {@code node} as done for its successors; returns one that became ready, submits the rest. */
    private int release(int node) {
        int keep = -1;
        for (int i = graph.successorStart(node), end = graph.successorEnd(node); i < end; i++) {
            int successor = graph.successorAt(i);
            if (waiting.decrementAndGet(successor) == 0) {
                if (keep < 0) {
                    keep = successor;
                } else {
                    submit(() -> runFrom(successor));
                }
            }
        }
        return keep;
    }

    private void submit(Runnable work) {
        try {
            executor.execute(work);
        } catch (RejectedExecutionException rejected) {
            abort(rejected);
        }
    }

    private void abort(Throwable cause) {
        fatal.compareAndSet(null, cause);
        done.countDown();
    }
}
