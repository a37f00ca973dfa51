package io.agnt2.protocol.trie;

/**
 * Where the keys below first differ, at {@code splitBit}: keys with a 0 there go left, with a 1 right.
 * Only such splits exist, never single-child nodes, so a path is as long as the number of splits on
 * it (about log2 of the record count), not 256.
 */
final class TrieBranch implements TrieNode {

    private final int splitBit;
    private final TrieNode left;
    private final TrieNode right;
    private final byte[] hash;
    /** Borrowed from the left subtree, not copied: the reference fits in the object's alignment padding. */
    private final byte[] anyKey;

    TrieBranch(int splitBit, TrieNode left, TrieNode right) {
        this.splitBit = splitBit;
        this.left = left;
        this.right = right;
        this.hash = TrieHashing.branch(splitBit, left.hash(), right.hash());
        this.anyKey = left.anyKey();
    }

    TrieNode left() {
        return left;
    }

    TrieNode right() {
        return right;
    }

    /** The child on the side of {@code key}'s bit at the split. */
    TrieNode childToward(byte[] key) {
        return TrieHashing.bit(key, splitBit) == 0 ? left : right;
    }

    /** The other child: the sibling a proof for {@code key} carries. */
    TrieNode childAwayFrom(byte[] key) {
        return TrieHashing.bit(key, splitBit) == 0 ? right : left;
    }

    @Override
    public byte[] hash() {
        return hash;
    }

    @Override
    public int splitBit() {
        return splitBit;
    }

    /** Any key below shares the prefix before the split; the left subtree's is as good as any. */
    @Override
    public byte[] anyKey() {
        return anyKey;
    }
}
