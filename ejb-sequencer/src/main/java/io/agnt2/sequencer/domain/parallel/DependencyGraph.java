package io.agnt2.sequencer.domain.parallel;

import java.util.Arrays;
import java.util.List;

/**
 * An immutable dependency graph over one block's tasks: an edge u→v means v may start only after u
 * is done. Nodes are tasks and bodiless join nodes (see {@link KeyHistory}); node ids are a
 * topological order. For every two tasks i &lt; j whose {@link KeyAccess}es conflict, a path leads
 * from i to j; tasks with no path between them commute.
 *
 * <p>Stored as compressed successor arrays so that the executor walks edges without allocation.
 */
public final class DependencyGraph {

    private final int[] nodeTask;
    private final int[] taskNode;
    private final int[] successorStart;
    private final int[] successors;
    private final int[] predecessorCount;
    private final GraphStats stats;

    private DependencyGraph(int[] nodeTask, int[] taskNode, int[] successorStart, int[] successors,
                            int[] predecessorCount, GraphStats stats) {
        this.nodeTask = nodeTask;
        this.taskNode = taskNode;
        this.successorStart = successorStart;
        this.successors = successors;
        this.predecessorCount = predecessorCount;
        this.stats = stats;
    }

    /** The graph of tasks whose accesses are given in sequence order. */
    public static <K> DependencyGraph of(List<KeyAccess<K>> accesses) {
        DependencyGraphBuilder<K> builder = new DependencyGraphBuilder<>();
        accesses.forEach(builder::add);
        return builder.build();
    }

    static DependencyGraph fromEdges(int tasks, int[] nodeTask, int[] nodeLevel, int[] from, int[] to) {
        int nodes = nodeTask.length;
        int[] start = new int[nodes + 1];
        int[] predecessorCount = new int[nodes];
        for (int e = 0; e < from.length; e++) {
            start[from[e] + 1]++;
            predecessorCount[to[e]]++;
        }
        for (int n = 0; n < nodes; n++) {
            start[n + 1] += start[n];
        }
        int[] fill = Arrays.copyOf(start, nodes);
        int[] successors = new int[from.length];
        for (int e = 0; e < from.length; e++) {
            successors[fill[from[e]]++] = to[e];
        }
        int[] taskNode = new int[tasks];
        int joins = 0;
        int criticalPath = 0;
        int[] wave = new int[nodes + 1];
        for (int n = 0; n < nodes; n++) {
            if (nodeTask[n] < 0) {
                joins++;
                continue;
            }
            taskNode[nodeTask[n]] = n;
            criticalPath = Math.max(criticalPath, nodeLevel[n]);
            wave[nodeLevel[n]]++;
        }
        int widest = Arrays.stream(wave).max().orElse(0);
        GraphStats stats = new GraphStats(tasks, joins, from.length, criticalPath, widest);
        return new DependencyGraph(nodeTask, taskNode, start, successors, predecessorCount, stats);
    }

    public GraphStats stats() {
        return stats;
    }

    public int taskCount() {
        return taskNode.length;
    }

    public int nodeCount() {
        return nodeTask.length;
    }

    /** The task index of {@code node}, or -1 for a join node. */
    public int taskOf(int node) {
        return nodeTask[node];
    }

    public int nodeOf(int task) {
        return taskNode[task];
    }

    public int predecessorCount(int node) {
        return predecessorCount[node];
    }

    /** A copy of the successors of {@code node}. */
    public int[] successors(int node) {
        return Arrays.copyOfRange(successors, successorStart[node], successorStart[node + 1]);
    }

    int successorStart(int node) {
        return successorStart[node];
    }

    int successorEnd(int node) {
        return successorStart[node + 1];
    }

    int successorAt(int index) {
        return successors[index];
    }
}
