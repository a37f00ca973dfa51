package io.agnt2.protocol.state;

import io.agnt2.protocol.crypto.Keccak;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The state root: a binary Merkle tree over the records' leaf hashes in address order; a parent is
 * keccak256(left ‖ right) and an odd last node moves up unchanged. Recomputed from scratch, O(n) per
 * call: a trie that rehashes only what a block touched replaces it later.
 */
public final class StateRoot {

    /** The root of no records. */
    public static final byte[] EMPTY = new byte[32];

    private StateRoot() {
    }

    public static byte[] of(Collection<AgentRecord> records) {
        List<AgentRecord> sorted = records.stream().sorted(Comparator.comparing(AgentRecord::address)).toList();
        requireUniqueAddresses(sorted);
        if (sorted.isEmpty()) {
            return EMPTY.clone();
        }
        byte[][] level = sorted.stream().map(AgentRecord::leafHash).toArray(byte[][]::new);
        while (level.length > 1) {
            byte[][] parents = new byte[(level.length + 1) / 2][];
            for (int i = 0; i < parents.length; i++) {
                int left = 2 * i;
                parents[i] = left + 1 < level.length ? Keccak.keccak256(level[left], level[left + 1]) : level[left];
            }
            level = parents;
        }
        return level[0];
    }

    /** Two records for one address would make the root depend on which one the caller meant. */
    private static void requireUniqueAddresses(List<AgentRecord> sorted) {
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).address().equals(sorted.get(i - 1).address())) {
                throw new IllegalArgumentException("two records for agent " + sorted.get(i).address());
            }
        }
    }
}
