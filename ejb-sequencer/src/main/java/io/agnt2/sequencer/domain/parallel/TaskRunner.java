package io.agnt2.sequencer.domain.parallel;

/**
 * Runs one task against the block state: the step both executors share, so that they differ only
 * in the order and the threads they run tasks on, never in what running a task means.
 */
final class TaskRunner<T, K, V, D, R> {

    private final Batch<T, K> batch;
    private final BlockState<K, V, D> state;
    private final TaskBody<T, K, V, D, R> body;

    TaskRunner(Batch<T, K> batch, BlockState<K, V, D> state, TaskBody<T, K, V, D, R> body) {
        this.batch = batch;
        this.state = state;
        this.body = body;
    }

    /** Exceptions fail the task (nothing published); Errors and interrupts propagate and abort the block. */
    TaskOutcome<R> run(int task) {
        StagedContext<K, V, D> context = new StagedContext<>(batch.accesses().get(task), state);
        R result;
        try {
            result = body.execute(batch.tasks().get(task), context);
        } catch (InterruptedException interrupted) {
            // Being interrupted depends on timing, not on the state: it cannot be a task's result.
            Thread.currentThread().interrupt();
            throw new BlockExecutionException("interrupted in task " + task, interrupted);
        } catch (Exception failure) {
            return new TaskOutcome.Failed<>(failure);
        }
        context.publish();
        return new TaskOutcome.Completed<>(result);
    }
}
