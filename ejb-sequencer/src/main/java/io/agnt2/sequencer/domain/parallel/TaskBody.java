package io.agnt2.sequencer.domain.parallel;

/**
 * The work of one task. It must be deterministic in the task and the values it reads (no clocks, no
 * randomness, no state outside the context), since the parallel and the sequential executor must
 * agree. Throwing any {@link Exception} fails the task: its staged effects are dropped and its
 * outcome records the exception. An {@link Error} aborts the whole block.
 */
@FunctionalInterface
public interface TaskBody<T, K, V, D, R> {

    R execute(T task, TaskContext<K, V, D> context) throws Exception;
}
