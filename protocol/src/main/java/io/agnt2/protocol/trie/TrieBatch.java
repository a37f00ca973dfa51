package io.agnt2.protocol.trie;

import java.util.Arrays;

/**
 * One batch of changes merged into a trie in a single walk. The changes are sorted by key hash, so
 * the changes that fall into a subtree form a contiguous run; each node on a touched path is visited
 * once with its whole run and rebuilt (rehashed) at most once, however many of the batch's keys pass
 * through it. Subtrees no change reaches are returned as they are, cached hash and all.
 */
final class TrieBatch {

    /** Key hashes in unsigned ascending order, distinct. */
    private final byte[][] keys;
    /** The new leaf hash for {@code keys[i]}, or null to delete it. */
    private final byte[][] leafHashes;

    private int nodesHashed;
    private int sizeChange;

    /** {@code keys} must be sorted unsigned and distinct; a null leaf hash deletes its key. */
    TrieBatch(byte[][] keys, byte[][] leafHashes) {
        this.keys = keys;
        this.leafHashes = leafHashes;
    }

    /** The new root (null when the trie ends up empty); {@code root} itself is left intact. */
    TrieNode applyTo(TrieNode root) {
        return merge(root, 0, keys.length);
    }

    /** Nodes made, each hashed once, by {@link #applyTo}: the batch's hashing cost. */
    int nodesHashed() {
        return nodesHashed;
    }

    /** Keys inserted minus keys deleted. */
    int sizeChange() {
        return sizeChange;
    }

    /**
     * Merges changes {@code [from, to)} into {@code node}. The caller guarantees that all of those keys
     * and all keys under {@code node} share the bits above the current position in the tree.
     */
    private TrieNode merge(TrieNode node, int from, int to) {
        if (from == to) {
            return node;
        }
        if (node == null) {
            return build(from, to);
        }
        byte[] nodeKey = node.anyKey();
        // In sorted keys the shortest common prefix with nodeKey is at one end of the run.
        int divergence = Math.min(
                TrieHashing.firstDifferingBit(nodeKey, keys[from]),
                TrieHashing.firstDifferingBit(nodeKey, keys[to - 1]));
        if (divergence < node.splitBit()) {
            // Some changes leave the node's shared prefix: a new split goes above the node.
            int middle = firstWithBitSet(from, to, divergence);
            boolean nodeGoesRight = TrieHashing.bit(nodeKey, divergence) == 1;
            TrieNode left = nodeGoesRight ? build(from, middle) : merge(node, from, middle);
            TrieNode right = nodeGoesRight ? merge(node, middle, to) : build(middle, to);
            return join(divergence, left, right);
        }
        if (node instanceof TrieLeaf leaf) {
            return replace(leaf, leafHashes[from]); // the run is this one key: keys are distinct
        }
        TrieBranch branch = (TrieBranch) node;
        int middle = firstWithBitSet(from, to, branch.splitBit());
        TrieNode left = merge(branch.left(), from, middle);
        TrieNode right = merge(branch.right(), middle, to);
        if (left == branch.left() && right == branch.right()) {
            return branch; // only no-op changes (same leaf hash, deleting an absent key) reached it
        }
        return join(branch.splitBit(), left, right);
    }

    /** A subtree of changes {@code [from, to)} for keys not yet in the trie; deletes among them do nothing. */
    private TrieNode build(int from, int to) {
        if (from == to) {
            return null;
        }
        if (to - from == 1) {
            if (leafHashes[from] == null) {
                return null;
            }
            sizeChange++;
            return newLeaf(keys[from], leafHashes[from]);
        }
        int split = TrieHashing.firstDifferingBit(keys[from], keys[to - 1]);
        int middle = firstWithBitSet(from, to, split);
        return join(split, build(from, middle), build(middle, to));
    }

    private TrieNode replace(TrieLeaf leaf, byte[] leafHash) {
        if (leafHash == null) {
            sizeChange--;
            return null;
        }
        if (Arrays.equals(leafHash, leaf.leafHash())) {
            return leaf;
        }
        return newLeaf(leaf.keyHash(), leafHash);
    }

    /**
     * A split at {@code splitBit} if both sides hold keys; otherwise the side that does, unchanged. The
     * surviving side keeps its hash because a branch hashes its absolute split bit, not a path length.
     */
    private TrieNode join(int splitBit, TrieNode left, TrieNode right) {
        if (left == null) {
            return right;
        }
        if (right == null) {
            return left;
        }
        nodesHashed++;
        return new TrieBranch(splitBit, left, right);
    }

    private TrieNode newLeaf(byte[] keyHash, byte[] leafHash) {
        nodesHashed++;
        return new TrieLeaf(keyHash, leafHash);
    }

    /** The first index in {@code [from, to)} whose key has {@code bit} set; keys agree above it, so it is monotone. */
    private int firstWithBitSet(int from, int to, int bit) {
        int low = from;
        int high = to;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (TrieHashing.bit(keys[middle], bit) == 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
