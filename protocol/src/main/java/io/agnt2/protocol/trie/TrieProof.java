package io.agnt2.protocol.trie;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A Merkle proof that an agent has a given leaf hash in the interaction trie, or has none.
 *
 * <p>It holds the path's end and the siblings met on the way up, deepest first. An inclusion proof ends
 * at the agent's own leaf. An absence proof ends at the leaf of another key found by following the
 * agent's key bits down from the root: in the trie that key would have been there. An empty proof
 * says the trie is empty. Checked by {@link InteractionTrie#verify}.
 *
 * <h2>Encoding ({@link #encode()})</h2>
 * <pre>
 * proof     = 0x00                                              EMPTY
 *           | 0x01 ‖ leafHash(32) ‖ siblings                    INCLUSION
 *           | 0x02 ‖ otherKeyHash(32) ‖ otherLeafHash(32) ‖ siblings   ABSENCE
 * siblings  = count(uint16, big-endian) ‖ count × (splitBit(uint8) ‖ siblingHash(32))
 * </pre>
 * Siblings run from the leaf up, so their split bits strictly decrease; there are at most 256. Every
 * proof has exactly one encoding, and {@link #decode} rejects anything else.
 */
public final class TrieProof {

    /** What a proof shows. The ordinal-independent {@code tag} is the first byte of the encoding. */
    public enum Kind {
        EMPTY(0x00), INCLUSION(0x01), ABSENCE(0x02);

        private final int tag;

        Kind(int tag) {
            this.tag = tag;
        }

        static Kind ofTag(int tag) {
            for (Kind kind : values()) {
                if (kind.tag == tag) {
                    return kind;
                }
            }
            return null;
        }
    }

    private static final int HASH = TrieHashing.HASH_LENGTH;
    private static final int SIBLING_BYTES = 1 + HASH;
    private static final TrieProof EMPTY = new TrieProof(Kind.EMPTY, null, null, new int[0], new byte[0][]);

    private final Kind kind;
    /** The key hash of the leaf the path ends at: absent for EMPTY, implied by the agent for INCLUSION. */
    private final byte[] endKeyHash;
    private final byte[] endLeafHash;
    private final int[] splitBits;
    private final byte[][] siblings;

    private TrieProof(Kind kind, byte[] endKeyHash, byte[] endLeafHash, int[] splitBits, byte[][] siblings) {
        this.kind = kind;
        this.endKeyHash = endKeyHash;
        this.endLeafHash = endLeafHash;
        this.splitBits = splitBits;
        this.siblings = siblings;
    }

    static TrieProof empty() {
        return EMPTY;
    }

    /** The agent's own leaf; split bits and siblings deepest first. */
    static TrieProof inclusion(byte[] leafHash, int[] splitBits, byte[][] siblings) {
        return new TrieProof(Kind.INCLUSION, null, leafHash.clone(), splitBits, siblings);
    }

    /** Another key's leaf where the agent's would be; split bits and siblings deepest first. */
    static TrieProof absence(byte[] otherKeyHash, byte[] otherLeafHash, int[] splitBits, byte[][] siblings) {
        return new TrieProof(Kind.ABSENCE, otherKeyHash.clone(), otherLeafHash.clone(), splitBits, siblings);
    }

    public Kind kind() {
        return kind;
    }

    /** The proven leaf hash of an inclusion proof; null for the other kinds. */
    public byte[] leafHash() {
        return kind == Kind.INCLUSION ? endLeafHash.clone() : null;
    }

    /** Number of sibling hashes: the depth of the path, about log2 of the record count. */
    public int length() {
        return siblings.length;
    }

    /** Split bit of the {@code i}-th sibling, deepest first (for calldata of a verifier taking arrays). */
    public int splitBit(int i) {
        return splitBits[i];
    }

    /** The {@code i}-th sibling hash, deepest first. */
    public byte[] siblingHash(int i) {
        return siblings[i].clone();
    }

    /** The root this proof implies for {@code keyHash}, folding from the end leaf up; null for EMPTY. */
    byte[] rootFor(byte[] keyHash) {
        if (kind == Kind.EMPTY) {
            return null;
        }
        byte[] node = TrieHashing.leaf(kind == Kind.INCLUSION ? keyHash : endKeyHash, endLeafHash);
        for (int i = 0; i < siblings.length; i++) {
            // The agent's bits choose the side, also for an absence proof: the path must be the agent's.
            node = TrieHashing.bit(keyHash, splitBits[i]) == 0
                    ? TrieHashing.branch(splitBits[i], node, siblings[i])
                    : TrieHashing.branch(splitBits[i], siblings[i], node);
        }
        return node;
    }

    /** True if this is an absence proof that ends at a key other than {@code keyHash}. */
    boolean endsElsewhere(byte[] keyHash) {
        return kind == Kind.ABSENCE && !Arrays.equals(endKeyHash, keyHash);
    }

    /** The canonical binary form (see the class comment). */
    public byte[] encode() {
        if (kind == Kind.EMPTY) {
            return new byte[] {(byte) Kind.EMPTY.tag};
        }
        int endBytes = kind == Kind.INCLUSION ? HASH : 2 * HASH;
        ByteBuffer out = ByteBuffer.allocate(1 + endBytes + 2 + siblings.length * SIBLING_BYTES);
        out.put((byte) kind.tag);
        if (kind == Kind.ABSENCE) {
            out.put(endKeyHash);
        }
        out.put(endLeafHash);
        out.putShort((short) siblings.length);
        for (int i = 0; i < siblings.length; i++) {
            out.put((byte) splitBits[i]).put(siblings[i]);
        }
        return out.array();
    }

    /**
     * Parses {@link #encode()}'s form. Proofs arrive from other parties, so anything but a canonical
     * encoding is an {@link IllegalArgumentException} naming the byte offset and the problem.
     */
    public static TrieProof decode(byte[] encoded) {
        if (encoded == null) {
            throw new IllegalArgumentException("malformed trie proof: null");
        }
        ByteBuffer in = ByteBuffer.wrap(encoded);
        require(in, 1, "kind");
        int tag = in.get() & 0xff;
        Kind kind = Kind.ofTag(tag);
        if (kind == null) {
            throw malformed(0, "unknown proof kind 0x" + Integer.toHexString(tag));
        }
        TrieProof proof = kind == Kind.EMPTY ? EMPTY : decodePath(in, kind);
        if (in.hasRemaining()) {
            throw malformed(in.position(), in.remaining() + " trailing bytes after the proof");
        }
        return proof;
    }

    private static TrieProof decodePath(ByteBuffer in, Kind kind) {
        byte[] endKeyHash = kind == Kind.ABSENCE ? hash(in, "other key hash") : null;
        byte[] endLeafHash = hash(in, kind == Kind.ABSENCE ? "other leaf hash" : "leaf hash");
        require(in, 2, "sibling count");
        int countOffset = in.position();
        int count = in.getShort() & 0xffff;
        if (count > TrieHashing.KEY_BITS) {
            throw malformed(countOffset, "sibling count " + count + " exceeds 256");
        }
        int[] splitBits = new int[count];
        byte[][] siblings = new byte[count][];
        for (int i = 0; i < count; i++) {
            require(in, SIBLING_BYTES, "sibling " + i);
            int splitOffset = in.position();
            splitBits[i] = in.get() & 0xff;
            if (i > 0 && splitBits[i] >= splitBits[i - 1]) {
                throw malformed(splitOffset, "split bit " + splitBits[i] + " of sibling " + i
                        + " does not decrease (previous " + splitBits[i - 1] + ")");
            }
            siblings[i] = hash(in, "sibling " + i);
        }
        return new TrieProof(kind, endKeyHash, endLeafHash, splitBits, siblings);
    }

    private static byte[] hash(ByteBuffer in, String what) {
        require(in, HASH, what);
        byte[] hash = new byte[HASH];
        in.get(hash);
        return hash;
    }

    private static void require(ByteBuffer in, int length, String what) {
        if (in.remaining() < length) {
            throw malformed(in.position(), "truncated while reading " + what + " (needs " + length
                    + " bytes, " + in.remaining() + " left)");
        }
    }

    private static IllegalArgumentException malformed(int offset, String problem) {
        return new IllegalArgumentException("malformed trie proof at byte " + offset + ": " + problem);
    }

    /** Proofs are equal when their encodings are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof TrieProof that && Arrays.equals(encode(), that.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return "TrieProof[" + kind + ", " + siblings.length + " siblings]";
    }
}
