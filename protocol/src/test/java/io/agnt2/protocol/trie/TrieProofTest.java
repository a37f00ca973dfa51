package io.agnt2.protocol.trie;

import io.agnt2.protocol.agent.AgentAddress;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.agnt2.protocol.trie.InteractionTrieTest.randomContent;
import static io.agnt2.protocol.trie.TrieReference.*;
import static org.junit.jupiter.api.Assertions.*;

class TrieProofTest {

    private final Random random = new Random(42L);
    private final Map<AgentAddress, byte[]> content = randomContent(random, 1000);
    private final InteractionTrie trie = new InteractionTrie();
    private final List<AgentAddress> present = new ArrayList<>(content.keySet());
    private final List<AgentAddress> absent = new ArrayList<>();

    TrieProofTest() {
        trie.apply(content);
        for (int i = 0; i < 100; i++) {
            absent.add(randomAgent(random));
        }
    }

    @Test
    void everyAgentHasAnInclusionProof() {
        byte[] root = trie.root();
        for (AgentAddress agent : present) {
            TrieProof proof = trie.prove(agent);
            assertEquals(TrieProof.Kind.INCLUSION, proof.kind());
            assertArrayEquals(content.get(agent), proof.leafHash());
            assertTrue(InteractionTrie.verify(root, agent, content.get(agent), proof), agent.toString());
            assertFalse(InteractionTrie.verify(root, agent, null, proof), "an inclusion proof proves no absence");
        }
    }

    @Test
    void everyOtherAgentHasAnAbsenceProof() {
        byte[] root = trie.root();
        for (AgentAddress agent : absent) {
            TrieProof proof = trie.prove(agent);
            assertEquals(TrieProof.Kind.ABSENCE, proof.kind());
            assertNull(proof.leafHash());
            assertTrue(InteractionTrie.verify(root, agent, null, proof), agent.toString());
            assertFalse(InteractionTrie.verify(root, agent, randomHash(random), proof));
        }
    }

    @Test
    void emptyAndSingleLeafTries() {
        InteractionTrie empty = new InteractionTrie();
        TrieProof none = empty.prove(present.get(0));
        assertEquals(TrieProof.Kind.EMPTY, none.kind());
        assertTrue(InteractionTrie.verify(empty.root(), present.get(0), null, none));
        assertFalse(InteractionTrie.verify(trie.root(), absent.get(0), null, none), "only the zero root is empty");

        InteractionTrie one = new InteractionTrie();
        one.put(present.get(0), content.get(present.get(0)));
        TrieProof inclusion = one.prove(present.get(0));
        assertEquals(0, inclusion.length());
        assertTrue(InteractionTrie.verify(one.root(), present.get(0), content.get(present.get(0)), inclusion));
        TrieProof absence = one.prove(absent.get(0));
        assertEquals(0, absence.length());
        assertTrue(InteractionTrie.verify(one.root(), absent.get(0), null, absence));
    }

    @Test
    void proofsAreAboutLogTwoOfTheSize() {
        int total = 0;
        for (AgentAddress agent : present) {
            total += trie.prove(agent).length();
        }
        double average = (double) total / present.size();
        assertTrue(average > 8 && average < 14, "average path length " + average + " for 1000 random keys");
    }

    @Test
    void wrongLeafOrWrongRootFails() {
        AgentAddress agent = present.get(1);
        TrieProof proof = trie.prove(agent);
        byte[] wrongLeaf = content.get(agent).clone();
        wrongLeaf[31] ^= 1;
        assertFalse(InteractionTrie.verify(trie.root(), agent, wrongLeaf, proof));
        byte[] wrongRoot = trie.root();
        wrongRoot[0] ^= 1;
        assertFalse(InteractionTrie.verify(wrongRoot, agent, content.get(agent), proof));
        assertFalse(InteractionTrie.verify(wrongRoot, absent.get(1), null, trie.prove(absent.get(1))));
    }

    @Test
    void aProofIsForItsOwnAgentOnly() {
        byte[] root = trie.root();
        AgentAddress agent = present.get(2);
        AgentAddress other = present.get(3);
        assertFalse(InteractionTrie.verify(root, other, content.get(agent), trie.prove(agent)));
        assertFalse(InteractionTrie.verify(root, other, null, trie.prove(agent)));
        assertFalse(InteractionTrie.verify(root, absent.get(3), null, trie.prove(absent.get(2))));
        // An absence proof for a present agent cannot be made from the absence proof of its neighbour.
        for (AgentAddress missing : absent) {
            TrieProof absence = trie.prove(missing);
            for (AgentAddress agentHere : present.subList(0, 50)) {
                assertFalse(InteractionTrie.verify(root, agentHere, null, absence));
            }
        }
    }

    @Test
    void everyFlippedBitOfAProofFails() {
        byte[] root = trie.root();
        for (AgentAddress agent : List.of(present.get(4), absent.get(4))) {
            byte[] leafHash = content.get(agent);
            byte[] encoded = trie.prove(agent).encode();
            for (int bit = 0; bit < encoded.length * 8; bit++) {
                byte[] flipped = encoded.clone();
                flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                TrieProof tampered;
                try {
                    tampered = TrieProof.decode(flipped);
                } catch (IllegalArgumentException malformed) {
                    continue; // a flipped kind, count or split bit order may not even parse
                }
                assertFalse(InteractionTrie.verify(root, agent, leafHash, tampered), "bit " + bit + " of " + agent);
            }
        }
    }

    @Test
    void anOldProofFailsAgainstTheNewRoot() {
        AgentAddress agent = present.get(5);
        TrieProof before = trie.prove(agent);
        trie.put(present.get(6), randomHash(random));
        assertFalse(InteractionTrie.verify(trie.root(), agent, content.get(agent), before));
        assertTrue(InteractionTrie.verify(trie.root(), agent, content.get(agent), trie.prove(agent)));
    }

    @Test
    void anAgentAddedLaterHadAValidAbsenceProofBefore() {
        AgentAddress newcomer = absent.get(7);
        byte[] rootBefore = trie.root();
        TrieProof absence = trie.prove(newcomer);
        trie.put(newcomer, randomHash(random));
        assertTrue(InteractionTrie.verify(rootBefore, newcomer, null, absence));
        assertFalse(InteractionTrie.verify(trie.root(), newcomer, null, absence));
    }

    @Test
    void encodingIsKindEndCountThenSplitBitAndSiblingPairs() {
        AgentAddress agent = present.get(8);
        TrieProof inclusion = trie.prove(agent);
        byte[] encoded = inclusion.encode();
        assertEquals(1 + 32 + 2 + 33 * inclusion.length(), encoded.length);
        assertEquals(0x01, encoded[0]);
        assertArrayEquals(content.get(agent), Arrays.copyOfRange(encoded, 1, 33));
        assertEquals(inclusion.length(), ((encoded[33] & 0xff) << 8) | (encoded[34] & 0xff));
        for (int i = 0; i < inclusion.length(); i++) {
            assertEquals(inclusion.splitBit(i), encoded[35 + 33 * i] & 0xff);
            assertArrayEquals(inclusion.siblingHash(i), Arrays.copyOfRange(encoded, 36 + 33 * i, 68 + 33 * i));
            if (i > 0) {
                assertTrue(inclusion.splitBit(i) < inclusion.splitBit(i - 1), "deepest sibling first");
            }
        }
        TrieProof absence = trie.prove(absent.get(8));
        assertEquals(0x02, absence.encode()[0]);
        assertEquals(1 + 64 + 2 + 33 * absence.length(), absence.encode().length);
        assertArrayEquals(new byte[] {0x00}, new InteractionTrie().prove(agent).encode());
    }

    @Test
    void decodeRoundTrips() {
        for (AgentAddress agent : List.of(present.get(9), absent.get(9))) {
            TrieProof proof = trie.prove(agent);
            TrieProof decoded = TrieProof.decode(proof.encode());
            assertEquals(proof, decoded);
            assertEquals(proof.kind(), decoded.kind());
            assertArrayEquals(proof.encode(), decoded.encode());
            assertTrue(InteractionTrie.verify(trie.root(), agent, content.get(agent), decoded));
        }
        TrieProof empty = new InteractionTrie().prove(present.get(0));
        assertEquals(empty, TrieProof.decode(empty.encode()));
    }

    @Test
    void decodeRejectsMalformedInput() {
        byte[] inclusion = trie.prove(present.get(10)).encode();
        byte[] absence = trie.prove(absent.get(10)).encode();
        assertMalformed(null, "null");
        assertMalformed(new byte[0], "truncated while reading kind");
        assertMalformed(new byte[] {0x03}, "unknown proof kind 0x3");
        assertMalformed(new byte[] {0x00, 0x00}, "1 trailing bytes");
        for (byte[] encoded : List.of(inclusion, absence)) {
            for (int length = 1; length < encoded.length; length++) {
                byte[] truncated = Arrays.copyOf(encoded, length);
                assertThrows(IllegalArgumentException.class, () -> TrieProof.decode(truncated), "truncated to " + length);
            }
            assertMalformed(Arrays.copyOf(encoded, encoded.length + 1), "1 trailing bytes");
        }
        assertMalformed(Arrays.copyOf(inclusion, 30), "truncated while reading leaf hash");
        assertMalformed(Arrays.copyOf(absence, 50), "truncated while reading other leaf hash");
        assertMalformed(Arrays.copyOf(inclusion, 40), "truncated while reading sibling 0");

        byte[] tooMany = Arrays.copyOf(inclusion, 35);
        tooMany[33] = 0x01;
        tooMany[34] = 0x01;
        assertMalformed(tooMany, "sibling count 257 exceeds 256");

        byte[] notDecreasing = inclusion.clone();
        notDecreasing[35 + 33] = notDecreasing[35];
        assertMalformed(notDecreasing, "split bit");
    }

    private static void assertMalformed(byte[] encoded, String expectedMessagePart) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> TrieProof.decode(encoded));
        assertTrue(error.getMessage().startsWith("malformed trie proof"), error.getMessage());
        assertTrue(error.getMessage().contains(expectedMessagePart), error.getMessage());
    }
}
