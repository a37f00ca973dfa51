package io.agnt2.sequencer.domain.parallel;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DependencyGraphTest {

    private static DependencyGraph graphOf(Workload workload) {
        return DependencyGraph.of(workload.batch().accesses());
    }

    @Test
    void aChainIsOneTaskPerWave() {
        GraphStats stats = graphOf(Workloads.chain(500, 1)).stats();
        assertEquals(new GraphStats(500, 0, 499, 500, 1), stats);
    }

    @Test
    void independentTasksHaveNoEdges() {
        GraphStats stats = graphOf(Workloads.independent(500, 2)).stats();
        assertEquals(new GraphStats(500, 0, 0, 1, 500), stats);
    }

    @Test
    void aHotReceiverOfDeltasOnlyDoesNotSerialise() {
        GraphStats stats = graphOf(Workloads.hotReceiver(900, 3)).stats();
        assertEquals(0, stats.edges());
        assertEquals(1, stats.waves());
    }

    @Test
    void aKeyReadByManyThenWrittenCostsOneEdgePerReader() {
        int n = 1000;
        GraphStats stats = graphOf(Workloads.hotReadThenWrite(n, 4)).stats();
        assertEquals(3, stats.waves(), "readers, the write, readers");
        assertEquals(n - 1, stats.edges(), "n/2 readers into the write, n/2 - 1 readers out of it");
        assertEquals(0, stats.joinNodes());
    }

    @Test
    void joinNodesKeepReaderDeltaAlternationLinear() {
        int n = 2000;
        GraphStats stats = graphOf(Workloads.readersThenDeltas(n, 4, 5)).stats();
        assertEquals(4, stats.waves());
        assertEquals(3, stats.joinNodes());
        assertTrue(stats.edges() <= 2L * n, "without joins it would be ~3·(n/4)² edges: " + stats.edges());
    }

    @Test
    void twoKeysToTheSamePredecessorGiveOneEdge() {
        KeyAccess<String> both = KeyAccess.of(Set.of(), Set.of("a", "b"), Set.of());
        DependencyGraph graph = DependencyGraph.of(List.of(both, both));
        assertEquals(1, graph.stats().edges());
        assertArrayEquals(new int[] {graph.nodeOf(1)}, graph.successors(graph.nodeOf(0)));
    }

    @Test
    void aWriteAfterReadersAndDeltasWaitsForAllOfThem() {
        KeyAccess<String> read = KeyAccess.of(Set.of("k"), Set.of(), Set.of());
        KeyAccess<String> delta = KeyAccess.of(Set.of(), Set.of(), Set.of("k"));
        KeyAccess<String> write = KeyAccess.of(Set.of(), Set.of("k"), Set.of());
        List<KeyAccess<String>> accesses = List.of(read, read, delta, delta, write, read);
        DependencyGraph graph = DependencyGraph.of(accesses);
        GraphChecks.assertCompleteAndPrecise(accesses, graph);
        assertEquals(4, graph.stats().waves());
        assertEquals(2, graph.predecessorCount(graph.nodeOf(4)), "the two deltas; the readers through them");
    }

    @Test
    void anEmptyBlockHasAnEmptyGraph() {
        assertEquals(new GraphStats(0, 0, 0, 0, 0), DependencyGraph.of(List.<KeyAccess<String>>of()).stats());
    }

    /** The graph against the pairwise specification on 2,000 random blocks. */
    @Test
    void randomBlocksAreOrderedExactlyWhereTheyConflict() {
        LongStream.range(0, 2_000).forEach(seed -> {
            Workload workload = Workloads.random(seed, 150);
            List<KeyAccess<ToyKey>> accesses = workload.batch().accesses();
            GraphChecks.assertCompleteAndPrecise(accesses, DependencyGraph.of(accesses));
        });
    }

    @Test
    void adversarialShapesAreOrderedExactlyWhereTheyConflict() {
        IntStream.of(1, 2, 3, 17, 200).forEach(n -> List.of(
                Workloads.chain(n, n), Workloads.independent(n, n), Workloads.hotReceiver(n, n),
                Workloads.hotReadThenWrite(n, n), Workloads.readersThenDeltas(n, 5, n)).forEach(workload -> {
            List<KeyAccess<ToyKey>> accesses = workload.batch().accesses();
            GraphChecks.assertCompleteAndPrecise(accesses, DependencyGraph.of(accesses));
        }));
    }
}
