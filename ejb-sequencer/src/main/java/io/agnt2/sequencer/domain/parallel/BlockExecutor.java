package io.agnt2.sequencer.domain.parallel;

import java.util.function.Function;

/**
 * Executes a block's tasks against a base state and returns per-task outcomes in sequence order and
 * the block's change set. Implementations must agree exactly with {@link SequentialExecutor}.
 */
public interface BlockExecutor {

    /**
     * @param batch   the tasks in sequence order with their declared keys
     * @param base    the value of a key before the block ({@code null} if absent); called on the
     *                calling thread only, once per declared key, before any task runs
     * @param algebra how deltas combine and apply
     * @param body    what a task does
     * @throws BlockExecutionException if the block could not be executed (see there)
     */
    <T, K, V, D, R> BlockOutcome<K, V, R> execute(Batch<T, K> batch, Function<? super K, ? extends V> base,
                                                  DeltaAlgebra<V, D> algebra, TaskBody<T, K, V, D, R> body);
}
