package io.agnt2.sequencer.domain.parallel;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Executes a block on a caller-supplied {@link Executor} (a ManagedExecutorService in Liberty, a
 * ForkJoinPool or a fixed pool elsewhere), following a {@link DependencyGraph}: a task starts as
 * soon as all its own predecessors are done. The result is the one {@link SequentialExecutor}
 * produces (see the package documentation for why).
 *
 * <p>Why counters and not waves: executing level by level puts a barrier after every level, so the
 * whole next level waits for the slowest task of the current one even where it depends on none of
 * it, and a graph with a long chain pays one barrier (a wake-up of every thread) per link. With a
 * counter per node the chain runs on one thread without hand-offs and independent work flows
 * around it; the cost is one atomic decrement per edge, which the wave executor would pay too, to
 * compute the levels.
 *
 * <p>The caller's thread only waits. Tasks of one block never block each other, so the executor
 * needs no more threads than {@code parallelism}.
 */
public final class ParallelExecutor implements BlockExecutor {

    private final Executor executor;
    private final int parallelism;

    /**
     * @param executor    runs the work; must run what it accepts (it may reject, which aborts the block)
     * @param parallelism how many threads of it to use at most for the roots of a block: its size
     */
    public ParallelExecutor(Executor executor, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism " + parallelism);
        }
        this.executor = executor;
        this.parallelism = parallelism;
    }

    @Override
    public <T, K, V, D, R> BlockOutcome<K, V, R> execute(Batch<T, K> batch, Function<? super K, ? extends V> base,
                                                         DeltaAlgebra<V, D> algebra, TaskBody<T, K, V, D, R> body) {
        return execute(batch, DependencyGraph.of(batch.accesses()), base, algebra, body);
    }

    /** As {@link #execute(Batch, Function, DeltaAlgebra, TaskBody)}, with a graph already built from {@code batch}. */
    public <T, K, V, D, R> BlockOutcome<K, V, R> execute(Batch<T, K> batch, DependencyGraph graph,
                                                         Function<? super K, ? extends V> base,
                                                         DeltaAlgebra<V, D> algebra, TaskBody<T, K, V, D, R> body) {
        if (graph.taskCount() != batch.size()) {
            throw new IllegalArgumentException("graph of " + graph.taskCount() + " tasks for a batch of " + batch.size());
        }
        BlockState<K, V, D> state = new BlockState<>(batch, base, algebra);
        TaskRunner<T, K, V, D, R> runner = new TaskRunner<>(batch, state, body);
        List<TaskOutcome<R>> outcomes = new ParallelRun<>(graph, runner::run, executor).run(parallelism);
        return new BlockOutcome<>(outcomes, state.changes());
    }
}
