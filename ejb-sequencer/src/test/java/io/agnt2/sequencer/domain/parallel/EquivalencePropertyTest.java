package io.agnt2.sequencer.domain.parallel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.function.LongFunction;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The heart: on thousands of seeded blocks, the parallel executor (2 to 8 threads, fixed pools and
 * fork-join pools), the sequential executor and the plain reference loop produce the same outcome
 * for every task and the same final state.
 */
class EquivalencePropertyTest {

    private static final int RANDOM_BLOCKS = 4_000;
    private static final List<ExecutorService> POOLS = new ArrayList<>();
    private static final List<ParallelExecutor> PARALLEL = new ArrayList<>();
    private static final SequentialExecutor SEQUENTIAL = new SequentialExecutor();

    @BeforeAll
    static void startPools() {
        for (int threads = 2; threads <= 8; threads++) {
            ExecutorService fixed = Executors.newFixedThreadPool(threads);
            ExecutorService forkJoin = new ForkJoinPool(threads);
            POOLS.add(fixed);
            POOLS.add(forkJoin);
            PARALLEL.add(new ParallelExecutor(fixed, threads));
            PARALLEL.add(new ParallelExecutor(forkJoin, threads));
        }
    }

    @AfterAll
    static void stopPools() {
        POOLS.forEach(ExecutorService::shutdownNow);
    }

    @Test
    void randomBlocksWithHotSetsAgreeWithSequentialOrder() {
        int[] failures = {0};
        int[] tasks = {0};
        for (long seed = 0; seed < RANDOM_BLOCKS; seed++) {
            Workload workload = Workloads.random(seed, 300);
            ReferenceMachine.Result reference = assertAllAgree(workload, PARALLEL.get((int) (seed % PARALLEL.size())));
            tasks[0] += workload.ops().size();
            failures[0] += (int) reference.outcomes().stream().filter(o -> o.startsWith("failed")).count();
        }
        // The workloads must exercise the failure path, or the property says little about it.
        assertTrue(failures[0] > tasks[0] / 20, failures[0] + " failures in " + tasks[0] + " tasks");
    }

    @Test
    void aChainAgrees() {
        everyExecutorAgreesOn(seed -> Workloads.chain(400, seed));
    }

    @Test
    void independentTasksAgree() {
        everyExecutorAgreesOn(seed -> Workloads.independent(400, seed));
    }

    @Test
    void aHotReceiverOfDeltasAgrees() {
        everyExecutorAgreesOn(seed -> Workloads.hotReceiver(600, seed));
    }

    @Test
    void aHotKeyReadByManyThenWrittenAgrees() {
        everyExecutorAgreesOn(seed -> Workloads.hotReadThenWrite(600, seed));
    }

    @Test
    void alternatingReadersAndDeltasAgree() {
        everyExecutorAgreesOn(seed -> Workloads.readersThenDeltas(600, 7, seed));
    }

    /** Each shape with ten seeds on every pool. */
    private static void everyExecutorAgreesOn(LongFunction<Workload> shape) {
        IntStream.range(0, 10).forEach(seed -> PARALLEL.forEach(parallel -> assertAllAgree(shape.apply(seed), parallel)));
    }

    private static ReferenceMachine.Result assertAllAgree(Workload workload, ParallelExecutor parallel) {
        ReferenceMachine.Result reference = ReferenceMachine.run(workload);
        BlockOutcome<ToyKey, ToyValue, Long> sequential = workload.runOn(SEQUENTIAL);
        BlockOutcome<ToyKey, ToyValue, Long> concurrent = workload.runOn(parallel);
        Outcomes.assertSameOutcomes(reference.outcomes(), Outcomes.describe(sequential), workload.name() + " sequential");
        assertEquals(reference.state(), Outcomes.stateAfter(workload.base(), sequential), workload.name() + ": sequential state");
        Outcomes.assertSameOutcomes(Outcomes.describe(sequential), Outcomes.describe(concurrent), workload.name() + " parallel");
        assertEquals(sequential.changes(), concurrent.changes(), workload.name() + ": parallel changes");
        assertEquals(List.copyOf(sequential.changes().keySet()), List.copyOf(concurrent.changes().keySet()),
                workload.name() + ": change order");
        return reference;
    }
}
