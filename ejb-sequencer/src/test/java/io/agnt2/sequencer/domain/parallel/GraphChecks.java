package io.agnt2.sequencer.domain.parallel;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.fail;

/** Checks a graph against the specification {@link KeyAccess#conflictsWith}, pair by pair. */
final class GraphChecks {

    private GraphChecks() {
    }

    /**
     * Complete: every conflicting pair i &lt; j is ordered by a path. Precise: every direct edge
     * between tasks, and every pair that meets through a join node, conflicts (no false waits).
     * O(n² / 64) bits: for tests only.
     */
    static <K> void assertCompleteAndPrecise(List<KeyAccess<K>> accesses, DependencyGraph graph) {
        int nodes = graph.nodeCount();
        BitSet[] ancestors = new BitSet[nodes]; // tasks from which a path leads to the node
        for (int node = 0; node < nodes; node++) {
            ancestors[node] = new BitSet();
        }
        for (int node = 0; node < nodes; node++) {
            BitSet reach = (BitSet) ancestors[node].clone();
            if (graph.taskOf(node) >= 0) {
                reach.set(graph.taskOf(node));
            }
            for (int successor : graph.successors(node)) {
                if (successor <= node) {
                    fail("edge " + node + "->" + successor + " against creation order");
                }
                ancestors[successor].or(reach);
                assertPrecise(accesses, graph, node, successor);
            }
        }
        for (int j = 0; j < graph.taskCount(); j++) {
            BitSet before = ancestors[graph.nodeOf(j)];
            for (int i = 0; i < j; i++) {
                if (accesses.get(i).conflictsWith(accesses.get(j)) && !before.get(i)) {
                    fail("tasks " + i + " and " + j + " conflict but are not ordered: "
                            + accesses.get(i) + " / " + accesses.get(j));
                }
            }
        }
    }

    private static <K> void assertPrecise(List<KeyAccess<K>> accesses, DependencyGraph graph, int from, int to) {
        if (graph.taskOf(to) < 0) {
            return; // checked when the join node's own successors are visited
        }
        KeyAccess<K> later = accesses.get(graph.taskOf(to));
        for (int earlier : directTasksBefore(graph, from)) {
            if (!accesses.get(earlier).conflictsWith(later)) {
                fail("false dependency " + earlier + " -> " + graph.taskOf(to));
            }
        }
    }

    /** The task itself, or for a join node the tasks it joins (always tasks: groups hold tasks). */
    private static int[] directTasksBefore(DependencyGraph graph, int node) {
        if (graph.taskOf(node) >= 0) {
            return new int[] {graph.taskOf(node)};
        }
        return IntStream.range(0, node)
                .filter(candidate -> Arrays.stream(graph.successors(candidate)).anyMatch(s -> s == node))
                .map(graph::taskOf)
                .toArray();
    }
}
