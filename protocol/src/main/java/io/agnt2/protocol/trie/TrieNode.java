package io.agnt2.protocol.trie;

/**
 * A node of the interaction trie. Nodes are immutable and carry their hash, so a batch replaces only
 * the nodes on touched paths and every other subtree keeps its cached hash (and an old root stays a
 * consistent snapshot, should snapshots be wanted later).
 */
sealed interface TrieNode permits TrieLeaf, TrieBranch {

    /** The node's hash, computed once when the node was made. Callers must not modify it. */
    byte[] hash();

    /**
     * The bit at which this subtree's keys first differ: a branch's split bit, or
     * {@link TrieHashing#KEY_BITS} for a leaf. All keys below share the bits before it.
     */
    int splitBit();

    /** The key hash of some leaf below, which shows the prefix all keys below share. */
    byte[] anyKey();
}
