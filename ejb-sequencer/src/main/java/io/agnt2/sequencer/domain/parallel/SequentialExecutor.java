package io.agnt2.sequencer.domain.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs the tasks one after another in sequence order on the calling thread: the definition of the
 * right answer, and the peer the parallel executor is measured against. It needs no graph.
 */
public final class SequentialExecutor implements BlockExecutor {

    @Override
    public <T, K, V, D, R> BlockOutcome<K, V, R> execute(Batch<T, K> batch, Function<? super K, ? extends V> base,
                                                         DeltaAlgebra<V, D> algebra, TaskBody<T, K, V, D, R> body) {
        BlockState<K, V, D> state = new BlockState<>(batch, base, algebra);
        TaskRunner<T, K, V, D, R> runner = new TaskRunner<>(batch, state, body);
        List<TaskOutcome<R>> outcomes = new ArrayList<>(batch.size());
        try {
            for (int task = 0; task < batch.size(); task++) {
                outcomes.add(runner.run(task));
            }
        } catch (Error error) {
            throw new BlockExecutionException("a task body raised an error", error);
        }
        return new BlockOutcome<>(outcomes, state.changes());
    }
}
