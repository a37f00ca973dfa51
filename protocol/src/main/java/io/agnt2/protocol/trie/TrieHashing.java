package io.agnt2.protocol.trie;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.crypto.Keccak;

/**
 * The hashes and key bits of the interaction trie, the only place that fixes them (see
 * {@link InteractionTrie} for the encoding a Solidity verifier rebuilds).
 */
final class TrieHashing {

    /** Bits in a key hash; also the split bit a leaf reports, since its whole key is fixed. */
    static final int KEY_BITS = 256;

    static final int HASH_LENGTH = 32;

    private static final byte[] LEAF_TAG = {0x00};
    private static final byte BRANCH_TAG = 0x01;

    private TrieHashing() {
    }

    /** 32 zero bytes: no keccak output is known to be zero, so no non-empty trie has this root. */
    static byte[] emptyRoot() {
        return new byte[HASH_LENGTH];
    }

    /** keccak256(address): the trie's key, so that nobody picks where an agent sits in the tree. */
    static byte[] keyHash(AgentAddress agent) {
        return agent.keccak256();
    }

    /** keccak256(0x00 ‖ keyHash ‖ leafHash), 65 bytes hashed. */
    static byte[] leaf(byte[] keyHash, byte[] leafHash) {
        return Keccak.keccak256(LEAF_TAG, keyHash, leafHash);
    }

    /** keccak256(0x01 ‖ uint8 splitBit ‖ left ‖ right), 66 bytes hashed. */
    static byte[] branch(int splitBit, byte[] left, byte[] right) {
        return Keccak.keccak256(new byte[] {BRANCH_TAG, (byte) splitBit}, left, right);
    }

    /** Bit {@code index} of a key, counted from the most significant bit of byte 0 (Solidity: {@code uint256(key) >> (255 - index) & 1}). */
    static int bit(byte[] key, int index) {
        return (key[index >>> 3] >>> (7 - (index & 7))) & 1;
    }

    /** The first bit index at which {@code a} and {@code b} differ, or {@link #KEY_BITS} if they are equal. */
    static int firstDifferingBit(byte[] a, byte[] b) {
        for (int i = 0; i < HASH_LENGTH; i++) {
            int difference = (a[i] ^ b[i]) & 0xff;
            if (difference != 0) {
                return i * 8 + Integer.numberOfLeadingZeros(difference) - 24;
            }
        }
        return KEY_BITS;
    }

    /** Requires a 32-byte hash; {@code what} names it in the error. */
    static byte[] requireHash(byte[] hash, String what) {
        if (hash == null || hash.length != HASH_LENGTH) {
            throw new IllegalArgumentException(
                    what + " must be 32 bytes, got " + (hash == null ? "null" : hash.length));
        }
        return hash;
    }
}
