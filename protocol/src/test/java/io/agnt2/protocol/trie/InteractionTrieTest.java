package io.agnt2.protocol.trie;

import io.agnt2.protocol.Hex;
import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.state.AgentRecord;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static io.agnt2.protocol.trie.TrieReference.*;
import static org.junit.jupiter.api.Assertions.*;

class InteractionTrieTest {

    private static final AgentAddress A = AgentAddress.of("0x1000000000000000000000000000000000000001");
    private static final AgentAddress B = AgentAddress.of("0x2000000000000000000000000000000000000002");
    private static final AgentAddress C = AgentAddress.of("0xf000000000000000000000000000000000000003");

    @Test
    void emptyTrieHasTheZeroRoot() {
        InteractionTrie trie = new InteractionTrie();
        assertArrayEquals(new byte[32], trie.root());
        assertEquals(0, trie.size());
        assertNull(trie.get(A));
    }

    @Test
    void oneAgentIsItsLeafNode() {
        InteractionTrie trie = new InteractionTrie();
        trie.put(A, hash("a"));
        assertArrayEquals(keccak(new byte[] {0}, keccak(A.bytes()), hash("a")), trie.root());
    }

    @Test
    void twoAgentsSplitAtTheFirstBitTheirKeysDiffer() {
        InteractionTrie trie = new InteractionTrie();
        trie.apply(Map.of(A, hash("a"), B, hash("b")));
        BigInteger keyA = keyOf(A);
        BigInteger keyB = keyOf(B);
        int highest = keyA.xor(keyB).bitLength() - 1;
        byte[] leafA = leafNode(keyA, hash("a"));
        byte[] leafB = leafNode(keyB, hash("b"));
        byte[] expected = keyA.testBit(highest)
                ? branchNode(255 - highest, leafB, leafA)
                : branchNode(255 - highest, leafA, leafB);
        assertArrayEquals(expected, trie.root());
    }

    /** Pinned so that the encoding cannot drift unnoticed: a change here breaks every committed root and proof. */
    @Test
    void fixedVectors() {
        InteractionTrie trie = new InteractionTrie();
        trie.put(A, hash("a"));
        assertEquals("0x1b8f74fb22bfe3598c7591cc9d7402c9b0aa5bde5a91d3a7c16ebcc9e9e46342", Hex.encode(trie.root()));
        trie.put(B, hash("b"));
        assertEquals("0x1cf209d97dba55593cd179bc386cc3698a2df7e02c29b0b2d9828c0dd6d94af0", Hex.encode(trie.root()));
        trie.put(C, hash("c"));
        assertEquals("0x3e707fc65869521de84d0093823ac0cc51299e592037c054fb9647635463d6aa", Hex.encode(trie.root()));
        // Keys: A 0x3ed0..., B 0x25ba..., C 0x9004...: C splits off at bit 0, then A and B at bit 3.
        byte[] byHand = branchNode(0,
                branchNode(3, leafNode(keyOf(B), hash("b")), leafNode(keyOf(A), hash("a"))),
                leafNode(keyOf(C), hash("c")));
        assertArrayEquals(byHand, trie.root());

        InteractionTrie records = new InteractionTrie();
        AgentRecord acme = new AgentRecord(A, "acme", Wei.of(100), Nonce.of(0));
        AgentRecord globex = new AgentRecord(B, "globex", Wei.of(0), Nonce.of(3));
        records.apply(Map.of(A, acme.leafHash(), B, globex.leafHash()));
        assertEquals("0xbdaab42ab9c160c0a77f0f6a67bdbfde7e39f7a60016b2e6820d5d7b89c5340b", Hex.encode(records.root()));
    }

    @Test
    void rootDependsOnlyOnTheContentNotOnOrderOrBatching() {
        Random random = new Random(20240601L);
        for (int round = 0; round < 40; round++) {
            Map<AgentAddress, byte[]> content = randomContent(random, 1 + random.nextInt(300));
            byte[] expected = TrieReference.root(content);

            InteractionTrie oneBatch = new InteractionTrie();
            oneBatch.apply(content);
            assertArrayEquals(expected, oneBatch.root(), "round " + round + ", one batch");

            List<AgentAddress> order = new ArrayList<>(content.keySet());
            Collections.shuffle(order, random);
            InteractionTrie oneByOne = new InteractionTrie();
            order.forEach(agent -> oneByOne.put(agent, content.get(agent)));
            assertArrayEquals(expected, oneByOne.root(), "round " + round + ", one by one");

            Collections.shuffle(order, random);
            InteractionTrie randomBatches = new InteractionTrie();
            for (int from = 0; from < order.size(); ) {
                int to = Math.min(order.size(), from + 1 + random.nextInt(40));
                Map<AgentAddress, byte[]> batch = new HashMap<>();
                order.subList(from, to).forEach(agent -> batch.put(agent, content.get(agent)));
                randomBatches.apply(batch);
                from = to;
            }
            assertArrayEquals(expected, randomBatches.root(), "round " + round + ", random batches");
            assertEquals(content.size(), randomBatches.size());
        }
    }

    @Test
    void rootForgetsHistory() {
        Random random = new Random(7L);
        for (int round = 0; round < 20; round++) {
            Map<AgentAddress, byte[]> kept = randomContent(random, 1 + random.nextInt(200));
            Map<AgentAddress, byte[]> dropped = randomContent(random, random.nextInt(200));
            InteractionTrie trie = new InteractionTrie();
            Map<AgentAddress, byte[]> everything = new HashMap<>(kept);
            everything.putAll(dropped);
            // Written with stale values first, then overwritten, then the transient agents deleted.
            Map<AgentAddress, byte[]> stale = new HashMap<>();
            everything.keySet().forEach(agent -> stale.put(agent, randomHash(random)));
            trie.apply(stale);
            trie.apply(everything);
            Map<AgentAddress, byte[]> deletes = new HashMap<>();
            dropped.keySet().forEach(agent -> deletes.put(agent, null));
            trie.apply(deletes);
            assertArrayEquals(TrieReference.root(kept), trie.root(), "round " + round);
            assertEquals(kept.size(), trie.size());
        }
    }

    @Test
    void mixedBatchEqualsTheSameChangesOneByOne() {
        Random random = new Random(99L);
        Map<AgentAddress, byte[]> initial = randomContent(random, 500);
        InteractionTrie batched = new InteractionTrie();
        InteractionTrie single = new InteractionTrie();
        batched.apply(initial);
        single.apply(initial);
        List<AgentAddress> existing = new ArrayList<>(initial.keySet());
        for (int block = 0; block < 30; block++) {
            Map<AgentAddress, byte[]> changes = new LinkedHashMap<>();
            for (int i = 0; i < 25; i++) {
                switch (random.nextInt(4)) {
                    case 0 -> changes.put(randomAgent(random), randomHash(random));         // insert
                    case 1 -> changes.put(existing.get(random.nextInt(existing.size())), randomHash(random)); // update
                    case 2 -> changes.put(existing.get(random.nextInt(existing.size())), null); // delete
                    default -> changes.put(randomAgent(random), null);                      // delete of an absent agent
                }
            }
            batched.apply(changes);
            changes.forEach((agent, leafHash) -> {
                if (leafHash == null) {
                    single.remove(agent);
                } else {
                    single.put(agent, leafHash);
                }
            });
            assertArrayEquals(single.root(), batched.root(), "block " + block);
            assertEquals(single.size(), batched.size());
        }
    }

    @Test
    void deletingEverythingGivesTheEmptyRootAgain() {
        Random random = new Random(3L);
        Map<AgentAddress, byte[]> content = randomContent(random, 300);
        InteractionTrie trie = new InteractionTrie();
        trie.apply(content);
        List<AgentAddress> order = new ArrayList<>(content.keySet());
        Collections.shuffle(order, random);
        for (AgentAddress agent : order.subList(0, 150)) {
            trie.remove(agent);
        }
        Map<AgentAddress, byte[]> rest = new HashMap<>();
        order.subList(150, 300).forEach(agent -> rest.put(agent, null));
        trie.apply(rest);
        assertArrayEquals(new byte[32], trie.root());
        assertEquals(0, trie.size());
    }

    @Test
    void getReturnsTheCurrentLeafHash() {
        InteractionTrie trie = new InteractionTrie();
        trie.apply(Map.of(A, hash("a"), B, hash("b")));
        assertArrayEquals(hash("a"), trie.get(A));
        assertNull(trie.get(C));
        trie.put(A, hash("a2"));
        assertArrayEquals(hash("a2"), trie.get(A));
        trie.remove(A);
        assertNull(trie.get(A));
        assertEquals(1, trie.size());
    }

    @Test
    void callerCannotReachTheStoredHashes() {
        InteractionTrie trie = new InteractionTrie();
        byte[] leafHash = hash("a");
        trie.put(A, leafHash);
        byte[] root = trie.root();
        leafHash[0] ^= 1;
        trie.get(A)[0] ^= 1;
        trie.root()[0] ^= 1;
        assertArrayEquals(root, trie.root());
        assertArrayEquals(hash("a"), trie.get(A));
    }

    @Test
    void aBatchHashesEachTouchedNodeOnce() {
        Random random = new Random(11L);
        Map<AgentAddress, byte[]> content = randomContent(random, 2000);
        InteractionTrie trie = new InteractionTrie();
        trie.apply(content);
        List<AgentAddress> agents = new ArrayList<>(content.keySet());
        Collections.shuffle(agents, random);
        List<AgentAddress> touched = agents.subList(0, 200);

        // Updating values keeps the shape, so the touched nodes are the leaves and the distinct
        // branches on their paths; a branch is named by its split bit and the key prefix above it.
        Set<String> branches = new HashSet<>();
        int pathNodes = 0;
        for (AgentAddress agent : touched) {
            TrieProof proof = trie.prove(agent);
            BigInteger key = keyOf(agent);
            for (int i = 0; i < proof.length(); i++) {
                int split = proof.splitBit(i);
                branches.add(split + ":" + key.shiftRight(256 - split));
            }
            pathNodes += proof.length() + 1;
        }
        Map<AgentAddress, byte[]> batch = new HashMap<>();
        touched.forEach(agent -> batch.put(agent, randomHash(random)));
        assertEquals(touched.size() + branches.size(), trie.apply(batch));
        assertTrue(branches.size() + touched.size() < pathNodes, "paths share nodes near the root");
    }

    @Test
    void noOpChangesHashNothing() {
        Random random = new Random(12L);
        Map<AgentAddress, byte[]> content = randomContent(random, 100);
        InteractionTrie trie = new InteractionTrie();
        trie.apply(content);
        byte[] root = trie.root();
        Map<AgentAddress, byte[]> noOps = new HashMap<>(content);
        for (int i = 0; i < 10; i++) {
            noOps.put(randomAgent(random), null);
        }
        assertEquals(0, trie.apply(noOps));
        assertEquals(0, trie.apply(Map.of()));
        assertArrayEquals(root, trie.root());
        assertEquals(100, trie.size());
    }

    @Test
    void aBadEntryRejectsTheWholeBatch() {
        InteractionTrie trie = new InteractionTrie();
        trie.put(A, hash("a"));
        byte[] root = trie.root();
        Map<AgentAddress, byte[]> batch = new LinkedHashMap<>();
        batch.put(B, hash("b"));
        batch.put(C, new byte[31]);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> trie.apply(batch));
        assertTrue(error.getMessage().contains(C.toString()), error.getMessage());
        assertArrayEquals(root, trie.root());
        assertEquals(1, trie.size());
        Map<AgentAddress, byte[]> nullAgent = new HashMap<>();
        nullAgent.put(null, hash("x"));
        assertThrows(NullPointerException.class, () -> trie.apply(nullAgent));
        assertThrows(IllegalArgumentException.class, () -> trie.put(A, null));
    }

    static Map<AgentAddress, byte[]> randomContent(Random random, int count) {
        Map<AgentAddress, byte[]> content = new HashMap<>();
        while (content.size() < count) {
            content.put(randomAgent(random), randomHash(random));
        }
        return content;
    }

    static byte[] hash(String text) {
        return keccak(text.getBytes());
    }
}
