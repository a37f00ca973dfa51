package io.agnt2.sequencer.domain.parallel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParallelExecutorTest {

    /** Keys are strings, values longs, deltas longs: the smallest useful algebra. */
    private static final DeltaAlgebra<Long, Long> SUM = new DeltaAlgebra<>() {
        @Override
        public Long combine(Long first, Long second) {
            return first + second;
        }

        @Override
        public Long apply(Long value, Long delta) {
            return (value == null ? 0 : value) + delta;
        }
    };

    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final List<BlockExecutor> executors = List.of(new SequentialExecutor(), new ParallelExecutor(pool, 4));

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static KeyAccess<String> access(Set<String> reads, Set<String> writes, Set<String> deltas) {
        return KeyAccess.of(reads, writes, deltas);
    }

    @Test
    void aFailedTaskLeavesNoTraceAndLaterTasksSeeTheStateWithoutIt() {
        // Task 1 writes and credits, then fails; task 2 reads both keys.
        record Step(String name) {
        }
        List<Step> steps = List.of(new Step("credit"), new Step("fail"), new Step("observe"));
        Batch<Step, String> batch = new Batch<>(steps, List.of(
                access(Set.of(), Set.of(), Set.of("b")),
                access(Set.of(), Set.of("a"), Set.of("b")),
                access(Set.of("a", "b"), Set.of(), Set.of())));
        TaskBody<Step, String, Long, Long, Long> body = (step, context) -> switch (step.name()) {
            case "credit" -> {
                context.delta("b", 5L);
                yield 0L;
            }
            case "fail" -> {
                context.write("a", 100L);
                context.delta("b", 1000L);
                throw new IllegalStateException("refused");
            }
            default -> context.read("a") * 1_000 + context.read("b");
        };
        for (BlockExecutor executor : executors) {
            BlockOutcome<String, Long, Long> outcome = executor.execute(batch, Map.of("a", 1L, "b", 2L)::get, SUM, body);
            assertEquals(new TaskOutcome.Completed<>(0L), outcome.outcomes().get(0));
            TaskOutcome.Failed<Long> failed = assertInstanceOf(TaskOutcome.Failed.class, outcome.outcomes().get(1));
            assertEquals("refused", failed.cause().getMessage());
            assertEquals(new TaskOutcome.Completed<>(1_007L), outcome.outcomes().get(2));
            assertEquals(Map.of("b", 7L), outcome.changes());
        }
    }

    @Test
    void anUndeclaredAccessFailsTheTaskInsteadOfWideningIt() {
        Batch<String, String> batch = new Batch<>(List.of("read-undeclared", "write-a-read-key", "delta-a-read-key", "read-a-delta-key"),
                List.of(access(Set.of("a"), Set.of(), Set.of()),
                        access(Set.of("a"), Set.of(), Set.of()),
                        access(Set.of("a"), Set.of(), Set.of()),
                        access(Set.of(), Set.of(), Set.of("a"))));
        TaskBody<String, String, Long, Long, Long> body = (name, context) -> switch (name) {
            case "read-undeclared" -> context.read("z");
            case "write-a-read-key" -> {
                context.write("a", 1L);
                yield 0L;
            }
            case "delta-a-read-key" -> {
                context.delta("a", 1L);
                yield 0L;
            }
            default -> context.read("a");
        };
        for (BlockExecutor executor : executors) {
            BlockOutcome<String, Long, Long> outcome = executor.execute(batch, key -> 0L, SUM, body);
            outcome.outcomes().forEach(task -> assertInstanceOf(UndeclaredAccessException.class,
                    assertInstanceOf(TaskOutcome.Failed.class, task).cause()));
            assertEquals(Map.of(), outcome.changes());
        }
    }

    @Test
    void aTaskReadsItsOwnStagedWriteAndADeltaOnAWrittenKeyAppliesAtOnce() {
        Batch<String, String> batch = new Batch<>(List.of("t"), List.of(access(Set.of(), Set.of("a"), Set.of())));
        TaskBody<String, String, Long, Long, Long> body = (name, context) -> {
            context.write("a", context.read("a") + 10);
            context.delta("a", 5L);
            return context.read("a");
        };
        for (BlockExecutor executor : executors) {
            BlockOutcome<String, Long, Long> outcome = executor.execute(batch, key -> 1L, SUM, body);
            assertEquals(List.of(new TaskOutcome.Completed<>(16L)), outcome.outcomes());
            assertEquals(Map.of("a", 16L), outcome.changes());
        }
    }

    @Test
    void anErrorAbortsTheBlockRatherThanBecomingAResult() {
        Batch<Integer, String> batch = new Batch<>(List.of(0, 1, 2),
                List.of(access(Set.of(), Set.of("a"), Set.of()), access(Set.of(), Set.of("b"), Set.of()),
                        access(Set.of(), Set.of("a"), Set.of())));
        TaskBody<Integer, String, Long, Long, Long> body = (index, context) -> {
            if (index == 1) {
                throw new StackOverflowError("boom");
            }
            return 0L;
        };
        for (BlockExecutor executor : executors) {
            BlockExecutionException thrown = assertThrows(BlockExecutionException.class,
                    () -> executor.execute(batch, key -> 0L, SUM, body));
            assertInstanceOf(StackOverflowError.class, thrown.getCause());
        }
    }

    @Test
    void aRefusingExecutorAbortsTheBlock() {
        ParallelExecutor refusing = new ParallelExecutor(work -> {
            throw new RejectedExecutionException("full");
        }, 2);
        Batch<Integer, String> batch = new Batch<>(List.of(0), List.of(access(Set.of(), Set.of("a"), Set.of())));
        BlockExecutionException thrown = assertThrows(BlockExecutionException.class,
                () -> refusing.execute(batch, key -> 0L, SUM, (task, context) -> 0L));
        assertInstanceOf(RejectedExecutionException.class, thrown.getCause());
    }

    @Test
    void anEmptyBlockHasNoOutcomes() {
        for (BlockExecutor executor : executors) {
            BlockOutcome<String, Long, Long> outcome = executor.execute(new Batch<Integer, String>(List.of(), List.of()),
                    key -> 0L, SUM, (task, context) -> 0L);
            assertEquals(List.of(), outcome.outcomes());
            assertEquals(Map.of(), outcome.changes());
        }
    }

    /**
     * Deltas to one hot key really run at the same time: each body waits at a barrier that only
     * opens when four of them are inside at once, which would time out under any serialisation.
     */
    @Test
    void deltasToOneHotKeyRunConcurrently() throws Exception {
        int tasks = 400;
        CyclicBarrier together = new CyclicBarrier(4);
        Batch<Integer, String> batch = Batch.of(IntStream.range(0, tasks).boxed().toList(),
                task -> access(Set.of(), Set.of(), Set.of("hot")));
        TaskBody<Integer, String, Long, Long, Long> body = (task, context) -> {
            together.await(10, TimeUnit.SECONDS);
            context.delta("hot", (long) task);
            return (long) task;
        };
        BlockOutcome<String, Long, Long> outcome = new ParallelExecutor(pool, 4).execute(batch, key -> 0L, SUM, body);
        assertTrue(outcome.outcomes().stream().allMatch(TaskOutcome::succeeded), "no barrier timed out");
        assertEquals(Map.of("hot", (long) tasks * (tasks - 1) / 2), outcome.changes());
    }
}
