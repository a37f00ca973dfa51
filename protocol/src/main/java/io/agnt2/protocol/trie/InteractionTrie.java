package io.agnt2.protocol.trie;

import io.agnt2.protocol.agent.AgentAddress;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * The interaction trie: an authenticated map from agent address to the 32-byte leaf hash of its
 * record (the record lives elsewhere). Its root is what the rollup commits to L1; {@link #prove}
 * gives proofs that a contract can check against that root. Decision 0004 says why it is built so.
 *
 * <h2>Shape</h2>
 * A binary Patricia tree keyed by {@code key = keccak256(address)} (20 bytes in, 32 out), whose bits
 * are read from the most significant bit of byte 0 (bit {@code i} is
 * {@code uint256(key) >> (255 - i) & 1} in Solidity). A branch sits only where the keys below first
 * differ, at its <em>split bit</em>; keys with a 0 there are on the left, with a 1 on the right. A key
 * alone in its subtree is a leaf. There are no single-child nodes and no empty nodes, so the tree is a
 * function of the key set alone, not of the order of inserts and deletes, and a path has one node per
 * split on it (about log2 n for n records), not 256.
 *
 * <h2>Hashing (what a Solidity verifier rebuilds)</h2>
 * <pre>
 * leaf   = keccak256(0x00 ‖ key(32) ‖ leafHash(32))                 abi.encodePacked(bytes1(0x00), key, leafHash)
 * branch = keccak256(0x01 ‖ splitBit(uint8) ‖ left(32) ‖ right(32))  abi.encodePacked(bytes1(0x01), uint8(s), l, r)
 * root   = the hash of the top node; 32 zero bytes for the empty trie
 * </pre>
 * The tag byte keeps a leaf from passing as a branch. A branch hashes its absolute split bit rather than
 * the skipped path, so a proof carries one byte per level and a node keeps its hash when a split above
 * it appears or goes away.
 *
 * <h2>Verifying a proof</h2>
 * Start from the leaf at the path's end: the agent's own for inclusion; for absence, the leaf of another
 * key (which must differ from the agent's) found where the agent's key leads. Fold each sibling in,
 * deepest first, with {@code branch(s, node, sibling)} if the <em>agent's</em> key has a 0 at split bit
 * {@code s}, else {@code branch(s, sibling, node)}; the result must equal the root. Absence in the empty
 * trie is the root being zero. See {@link TrieProof} for the proof's bytes.
 *
 * <h2>Cost</h2>
 * A batch of k changes rebuilds the union of their paths, each node hashed once: about k·(log2 n + 1)
 * hashes, fewer where paths share nodes near the root. {@link #get} and {@link #prove} walk one path.
 * In memory it is about 257 bytes per record, measured at 1M (per record a leaf with three 32-byte
 * arrays and a branch with one). Not thread-safe: the sequencer holds its lock around it.
 */
public final class InteractionTrie {

    private static final VarHandle KEY_PREFIX = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /** Null when empty. Nodes are immutable, so replacing it after a batch is the only write. */
    private TrieNode root;
    private int size;

    /** The root of the empty trie: 32 zero bytes. */
    public static byte[] emptyRoot() {
        return TrieHashing.emptyRoot();
    }

    /** The root hash the rollup commits to. */
    public byte[] root() {
        return root == null ? TrieHashing.emptyRoot() : root.hash().clone();
    }

    /** Number of agents in the trie. */
    public int size() {
        return size;
    }

    /** The leaf hash recorded for {@code agent}, or null if it has none. */
    public byte[] get(AgentAddress agent) {
        byte[] key = TrieHashing.keyHash(Objects.requireNonNull(agent, "agent"));
        TrieNode node = root;
        while (node instanceof TrieBranch branch) {
            node = branch.childToward(key);
        }
        return node instanceof TrieLeaf leaf && Arrays.equals(leaf.keyHash(), key) ? leaf.leafHash().clone() : null;
    }

    /**
     * Applies a block's changes at once: each agent gets its new leaf hash, or is removed when the value
     * is null. Every node on the touched paths is rehashed once, however many changes share it; nothing
     * else is. All-or-nothing: a bad entry throws before anything changes.
     *
     * @return the number of nodes hashed, the batch's cost (for block statistics)
     */
    public int apply(Map<AgentAddress, byte[]> leafHashes) {
        Objects.requireNonNull(leafHashes, "leafHashes");
        if (leafHashes.isEmpty()) {
            return 0;
        }
        TrieBatch batch = sortedBatch(leafHashes);
        root = batch.applyTo(root);
        size += batch.sizeChange();
        return batch.nodesHashed();
    }

    /** Sets one agent's leaf hash; {@link #apply} is the way for a block. */
    public void put(AgentAddress agent, byte[] leafHash) {
        apply(Map.of(Objects.requireNonNull(agent, "agent"), TrieHashing.requireHash(leafHash, "leaf hash")));
    }

    /** Removes one agent, if present. */
    public void remove(AgentAddress agent) {
        apply(Collections.singletonMap(Objects.requireNonNull(agent, "agent"), null));
    }

    /** An inclusion proof if {@code agent} is in the trie, else an absence proof. */
    public TrieProof prove(AgentAddress agent) {
        byte[] key = TrieHashing.keyHash(Objects.requireNonNull(agent, "agent"));
        if (root == null) {
            return TrieProof.empty();
        }
        int depth = 0;
        for (TrieNode node = root; node instanceof TrieBranch branch; node = branch.childToward(key)) {
            depth++;
        }
        int[] splitBits = new int[depth];
        byte[][] siblings = new byte[depth][];
        TrieNode node = root;
        for (int level = depth - 1; level >= 0; level--) { // the proof lists the deepest sibling first
            TrieBranch branch = (TrieBranch) node;
            splitBits[level] = branch.splitBit();
            siblings[level] = branch.childAwayFrom(key).hash().clone();
            node = branch.childToward(key);
        }
        TrieLeaf end = (TrieLeaf) node;
        return Arrays.equals(end.keyHash(), key)
                ? TrieProof.inclusion(end.leafHash(), splitBits, siblings)
                : TrieProof.absence(end.keyHash(), end.leafHash(), splitBits, siblings);
    }

    /**
     * Checks a proof against a root without the trie: with a {@code leafHash}, that {@code agent} has it;
     * with null, that {@code agent} is absent. A proof of the wrong kind is simply false.
     */
    public static boolean verify(byte[] root, AgentAddress agent, byte[] leafHash, TrieProof proof) {
        TrieHashing.requireHash(root, "root");
        Objects.requireNonNull(proof, "proof");
        byte[] key = TrieHashing.keyHash(Objects.requireNonNull(agent, "agent"));
        if (leafHash != null) {
            TrieHashing.requireHash(leafHash, "leaf hash");
            return proof.kind() == TrieProof.Kind.INCLUSION
                    && Arrays.equals(proof.leafHash(), leafHash)
                    && Arrays.equals(proof.rootFor(key), root);
        }
        return switch (proof.kind()) {
            case EMPTY -> Arrays.equals(root, TrieHashing.emptyRoot());
            case ABSENCE -> proof.endsElsewhere(key) && Arrays.equals(proof.rootFor(key), root);
            case INCLUSION -> false;
        };
    }

    /** Validates every entry, then sorts by key hash so each subtree's changes form one run. */
    private static TrieBatch sortedBatch(Map<AgentAddress, byte[]> leafHashes) {
        Change[] changes = new Change[leafHashes.size()];
        int i = 0;
        for (Map.Entry<AgentAddress, byte[]> entry : leafHashes.entrySet()) {
            AgentAddress agent = Objects.requireNonNull(entry.getKey(), "agent in batch");
            byte[] leafHash = entry.getValue();
            if (leafHash != null) {
                if (leafHash.length != TrieHashing.HASH_LENGTH) {
                    // The message names the agent (an EIP-55 address costs a keccak): only on the way out.
                    TrieHashing.requireHash(leafHash, "leaf hash of " + agent);
                }
                leafHash = leafHash.clone();
            }
            byte[] key = TrieHashing.keyHash(agent);
            changes[i++] = new Change((long) KEY_PREFIX.get(key, 0), key, leafHash);
        }
        // Key hashes are uniform, so their first 8 bytes (big-endian, unsigned) nearly always decide.
        Arrays.sort(changes, (a, b) -> {
            int byPrefix = Long.compareUnsigned(a.prefix(), b.prefix());
            return byPrefix != 0 ? byPrefix : Arrays.compareUnsigned(a.key(), b.key());
        });
        byte[][] keys = new byte[changes.length][];
        byte[][] values = new byte[changes.length][];
        for (int j = 0; j < changes.length; j++) {
            keys[j] = changes[j].key();
            values[j] = changes[j].leafHash();
        }
        return new TrieBatch(keys, values);
    }

    private record Change(long prefix, byte[] key, byte[] leafHash) {
    }
}
