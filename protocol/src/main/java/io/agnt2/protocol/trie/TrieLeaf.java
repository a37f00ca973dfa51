package io.agnt2.protocol.trie;

/** One agent: its key hash, the leaf hash of its record, and the node hash over both. */
final class TrieLeaf implements TrieNode {

    private final byte[] keyHash;
    private final byte[] leafHash;
    private final byte[] hash;

    TrieLeaf(byte[] keyHash, byte[] leafHash) {
        this.keyHash = keyHash;
        this.leafHash = leafHash;
        this.hash = TrieHashing.leaf(keyHash, leafHash);
    }

    byte[] keyHash() {
        return keyHash;
    }

    byte[] leafHash() {
        return leafHash;
    }

    @Override
    public byte[] hash() {
        return hash;
    }

    @Override
    public int splitBit() {
        return TrieHashing.KEY_BITS;
    }

    @Override
    public byte[] anyKey() {
        return keyHash;
    }
}
