package io.agnt2.sequencer.domain.parallel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link DependencyGraph} from tasks added in sequence order, in time linear in the
 * declared keys: each key keeps a {@link KeyHistory} of its current group of commuting accesses, so
 * a task gets one edge per key from the latest earlier conflicting node (or, after a group, from
 * that group) and never from anything older, which the chain already orders. Duplicate edges (two
 * keys leading to the same predecessor) are dropped.
 *
 * <p>Nodes are numbered in creation order and every edge points from a smaller id to a larger one,
 * so creation order is a topological order; levels are computed on the fly.
 */
public final class DependencyGraphBuilder<K> {

    private final Map<K, KeyHistory> histories = new HashMap<>();
    private final IntList nodeTask = new IntList(1024);
    private final IntList nodeLevel = new IntList(1024);
    /** Per node: 1 + the index of the last task that took an edge from it (0 = none), to drop duplicates. */
    private final IntList lastDependent = new IntList(1024);
    private final IntList edgeFrom = new IntList(1024);
    private final IntList edgeTo = new IntList(1024);
    private final IntList predecessors = new IntList();
    private final List<KeyHistory> touched = new ArrayList<>();
    private final KeyHistory.JoinFactory joins = this::join;
    private int tasks;

    /** Adds the next task in sequence order; returns its task index. */
    public int add(KeyAccess<K> access) {
        int task = tasks;
        predecessors.clear();
        touched.clear();
        access.forEach((key, mode) -> {
            KeyHistory history = histories.computeIfAbsent(key, k -> new KeyHistory());
            history.admit(mode, joins, predecessor -> {
                if (lastDependent.get(predecessor) != task + 1) {
                    lastDependent.set(predecessor, task + 1);
                    predecessors.add(predecessor);
                }
            });
            touched.add(history);
        });
        int node = newNode(task);
        int level = 0;
        for (int i = 0; i < predecessors.size(); i++) {
            int predecessor = predecessors.get(i);
            addEdge(predecessor, node);
            level = Math.max(level, nodeLevel.get(predecessor));
        }
        nodeLevel.set(node, level + 1);
        for (KeyHistory history : touched) {
            history.add(node);
        }
        return tasks++;
    }

    public DependencyGraph build() {
        return DependencyGraph.fromEdges(tasks, nodeTask.toArray(), nodeLevel.toArray(),
                edgeFrom.toArray(), edgeTo.toArray());
    }

    private int join(IntList members) {
        int node = newNode(-1);
        int level = 0;
        for (int i = 0; i < members.size(); i++) {
            addEdge(members.get(i), node);
            level = Math.max(level, nodeLevel.get(members.get(i)));
        }
        nodeLevel.set(node, level);
        return node;
    }

    private int newNode(int task) {
        nodeTask.add(task);
        nodeLevel.add(0);
        lastDependent.add(0);
        return nodeTask.size() - 1;
    }

    private void addEdge(int from, int to) {
        edgeFrom.add(from);
        edgeTo.add(to);
    }
}
