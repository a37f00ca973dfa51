package io.agnt2.protocol.trie;

import io.agnt2.protocol.Hex;
import io.agnt2.protocol.agent.AgentAddress;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.*;

class TrieHashingTest {

    private static final AgentAddress AGENT = AgentAddress.of("0x1000000000000000000000000000000000000001");
    private static final byte[] LEAF_HASH = TrieReference.keccak("record".getBytes());

    @Test
    void keyIsKeccakOfTheTwentyAddressBytes() {
        assertArrayEquals(TrieReference.keccak(AGENT.bytes()), TrieHashing.keyHash(AGENT));
    }

    @Test
    void leafIsKeccakOfTagKeyAndLeafHash() {
        byte[] key = TrieHashing.keyHash(AGENT);
        byte[] expected = TrieReference.keccak(new byte[] {0x00}, key, LEAF_HASH);
        assertArrayEquals(expected, TrieHashing.leaf(key, LEAF_HASH));
    }

    @Test
    void branchIsKeccakOfTagSplitBitAndChildren() {
        byte[] left = TrieReference.keccak("l".getBytes());
        byte[] right = TrieReference.keccak("r".getBytes());
        assertArrayEquals(TrieReference.keccak(new byte[] {0x01, (byte) 200}, left, right),
                TrieHashing.branch(200, left, right));
        assertFalse(java.util.Arrays.equals(TrieHashing.branch(7, left, right), TrieHashing.branch(8, left, right)));
        assertFalse(java.util.Arrays.equals(TrieHashing.branch(7, left, right), TrieHashing.branch(7, right, left)));
    }

    @Test
    void bitsCountFromTheMostSignificantBitOfByteZero() {
        byte[] key = Hex.decode("0x80" + "00".repeat(30) + "01");
        assertEquals(1, TrieHashing.bit(key, 0));
        assertEquals(0, TrieHashing.bit(key, 1));
        assertEquals(0, TrieHashing.bit(key, 254));
        assertEquals(1, TrieHashing.bit(key, 255));
        // Solidity reads bit i as uint256(key) >> (255 - i) & 1.
        BigInteger asUint = new BigInteger(1, key);
        for (int i = 0; i < 256; i++) {
            assertEquals(asUint.testBit(255 - i) ? 1 : 0, TrieHashing.bit(key, i), "bit " + i);
        }
    }

    @Test
    void firstDifferingBit() {
        byte[] zero = new byte[32];
        assertEquals(256, TrieHashing.firstDifferingBit(zero, zero.clone()));
        byte[] high = zero.clone();
        high[0] = (byte) 0x80;
        assertEquals(0, TrieHashing.firstDifferingBit(zero, high));
        byte[] low = zero.clone();
        low[31] = 1;
        assertEquals(255, TrieHashing.firstDifferingBit(zero, low));
        byte[] middle = zero.clone();
        middle[5] = 0x10;
        assertEquals(43, TrieHashing.firstDifferingBit(middle, zero));
    }

    @Test
    void emptyRootIsThirtyTwoZeroBytes() {
        assertEquals("0x" + "00".repeat(32), Hex.encode(TrieHashing.emptyRoot()));
        assertEquals("0x" + "00".repeat(32), Hex.encode(InteractionTrie.emptyRoot()));
    }

    @Test
    void rejectsHashesOfTheWrongLength() {
        assertThrows(IllegalArgumentException.class, () -> TrieHashing.requireHash(new byte[31], "leaf hash"));
        assertThrows(IllegalArgumentException.class, () -> TrieHashing.requireHash(null, "leaf hash"));
    }
}
