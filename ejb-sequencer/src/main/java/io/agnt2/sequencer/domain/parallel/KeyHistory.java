package io.agnt2.sequencer.domain.parallel;

import java.util.function.IntConsumer;

/**
 * What the graph builder remembers about one key: the accesses since the last change of mode,
 * grouped. A <em>group</em> is a maximal run of accesses that commute with each other (reads, or
 * deltas, or a single write). Every member of a group depends on the node that completes the
 * previous group, its {@code barrier}; so transitively it follows every earlier access to the key,
 * and it needs only one edge per key.
 *
 * <p>When a group of several members is followed by a non-write, a <em>join node</em> (no body)
 * stands for "the whole group is done". Without it, a run of r readers followed by d delta tasks
 * would need r·d edges; with it, r + d. A write after a group depends on the members directly:
 * one task, so r edges either way. This keeps the edge count linear in the declared keys.
 */
final class KeyHistory {

    /** Creates a node that completes when all the given nodes have; returns its id. */
    interface JoinFactory {
        int join(IntList members);
    }

    private AccessMode mode;
    private int barrier = -1;
    private final IntList group = new IntList(2);

    /**
     * Reports, through {@code dependOn}, the nodes that an access in mode {@code next} must wait for,
     * and, if it does not commute with the current group, closes that group. Call before the
     * accessing task has a node id (a join node created here must precede it), then {@link #add}.
     */
    void admit(AccessMode next, JoinFactory joins, IntConsumer dependOn) {
        if (mode != null && next.commutesWith(mode)) {
            if (barrier >= 0) {
                dependOn.accept(barrier);
            }
            return;
        }
        if (next == AccessMode.WRITE && group.size() > 1) {
            group.forEach(dependOn);
            barrier = -1;
        } else {
            barrier = switch (group.size()) {
                case 0 -> -1;
                case 1 -> group.get(0);
                default -> joins.join(group);
            };
            if (barrier >= 0) {
                dependOn.accept(barrier);
            }
        }
        mode = next;
        group.clear();
    }

    /** Records that {@code node} accessed the key in the mode just admitted. */
    void add(int node) {
        group.add(node);
    }
}
