package io.agnt2.protocol.trie;

import io.agnt2.protocol.agent.AgentAddress;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.agnt2.protocol.trie.InteractionTrieTest.randomContent;
import static io.agnt2.protocol.trie.TrieReference.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A sequencer's life in small: a large trie, then blocks of mixed changes. Checks results and the
 * number of hashes, never time.
 */
class InteractionTrieScaleTest {

    private static final int AGENTS = 50_000;
    private static final int BLOCKS = 40;
    private static final int CHANGES_PER_BLOCK = 1_000;

    @Test
    void blocksOfChangesOnALargeTrie() {
        Random random = new Random(2025L);
        Map<AgentAddress, byte[]> model = randomContent(random, AGENTS);
        InteractionTrie trie = new InteractionTrie();
        List<AgentAddress> agents = new ArrayList<>(model.keySet());
        for (int from = 0; from < agents.size(); from += 5_000) {
            Map<AgentAddress, byte[]> batch = new HashMap<>();
            agents.subList(from, from + 5_000).forEach(agent -> batch.put(agent, model.get(agent)));
            trie.apply(batch);
        }

        for (int block = 0; block < BLOCKS; block++) {
            Map<AgentAddress, byte[]> changes = new HashMap<>();
            while (changes.size() < CHANGES_PER_BLOCK) {
                int dice = random.nextInt(10);
                if (dice < 7) {
                    changes.put(agents.get(random.nextInt(agents.size())), randomHash(random));
                } else if (dice < 9) {
                    changes.put(randomAgent(random), randomHash(random));
                } else {
                    changes.put(agents.get(random.nextInt(agents.size())), null);
                }
            }
            int hashed = trie.apply(changes);
            changes.forEach((agent, leafHash) -> {
                if (leafHash == null) {
                    model.remove(agent);
                } else {
                    model.put(agent, leafHash);
                }
            });
            // log2(50k) is about 16: a fixed 256-level tree would hash 256 nodes per change.
            assertTrue(hashed < CHANGES_PER_BLOCK * 16, "block " + block + " hashed " + hashed + " nodes");
        }

        assertEquals(model.size(), trie.size());
        assertArrayEquals(TrieReference.root(model), trie.root());
        int longest = 0;
        for (AgentAddress agent : agents.subList(0, 2_000)) {
            TrieProof proof = trie.prove(agent);
            assertTrue(InteractionTrie.verify(trie.root(), agent, model.get(agent), proof));
            longest = Math.max(longest, proof.length());
        }
        assertTrue(longest < 48, "longest proof " + longest + " siblings");
    }
}
