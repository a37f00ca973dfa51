package io.agnt2.sequencer.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.execution.Receipt;
import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.value.Bytes32;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core's blocks, executed in parallel on 2-4 threads, equal a plain sequential loop of the state
 * transition: over many seeded random workloads of every workflow kind, each acceptance decision
 * (accepted, or refused with the same code), each block's receipts and each block's state root.
 * A failing seed is printed; rerun one with {@code -Dcore.seed=N}.
 */
class SequencerCoreEquivalenceTest {

    private static final int WORKLOADS = Integer.getInteger("core.workloads", 1000);
    private static final AgentKey[] POOL = CoreFixtures.keys("equivalence", 24);
    private static final ExecutorService POOL_THREADS = Executors.newFixedThreadPool(4);

    @TempDir
    Path dir;

    @AfterAll
    static void stopThreads() {
        POOL_THREADS.shutdownNow();
    }

    @Test
    void parallelBlocksEqualTheSequentialLoop() throws Exception {
        Integer only = Integer.getInteger("core.seed");
        int blocks = 0;
        int interactions = 0;
        for (int seed = only != null ? only : 0; seed < (only != null ? only + 1 : WORKLOADS); seed++) {
            try {
                int[] counted = runWorkload(seed);
                blocks += counted[0];
                interactions += counted[1];
            } catch (AssertionError | Exception e) {
                throw new AssertionError("workload seed " + seed + " failed: " + e.getMessage(), e);
            }
        }
        assertTrue(blocks > WORKLOADS && interactions > blocks, blocks + " blocks, " + interactions + " interactions");
    }

    /** @return blocks closed and interactions included */
    private int[] runWorkload(int seed) throws Exception {
        Random random = new Random(seed);
        AgentKey[] agents = Arrays.copyOfRange(shuffled(random), 0, 3 + random.nextInt(6));
        ReferenceChain reference = new ReferenceChain();
        RandomInteractions generator = new RandomInteractions(random, agents, reference);
        int parallelism = 2 + random.nextInt(3);
        List<SignedInteraction> accepted = new ArrayList<>();
        List<CompletableFuture<AcceptedInteraction>> acks = new ArrayList<>();
        int[] counted = new int[2];
        SequencerConfig config = SequencerConfig.parallel(dir.resolve("w" + seed), CoreFixtures.PARAMETERS,
                POOL_THREADS, parallelism);
        try (SequencerCore core = SequencerCore.open(config, CheckpointSource.GENESIS)) {
            int steps = 20 + random.nextInt(60);
            for (int step = 0; step < steps; step++) {
                if (!accepted.isEmpty() && random.nextInt(30) == 0) {
                    SignedInteraction again = accepted.get(random.nextInt(accepted.size()));
                    assertEquals(InteractionRefused.DUPLICATE, refusalOf(core, again));
                } else {
                    SignedInteraction signed = generator.next();
                    Object expected = reference.submit(signed);
                    if (expected instanceof Receipt) {
                        acks.add(core.accept(signed, signed.digest(CoreFixtures.DOMAIN)));
                        accepted.add(signed);
                    } else {
                        assertEquals(expected, refusalOf(core, signed), "refusal of " + signed.interaction());
                    }
                }
                if (random.nextInt(7) == 0 || step == steps - 1) {
                    closeAndCompare(core, reference, acks, counted);
                }
            }
        }
        return counted;
    }

    private static void closeAndCompare(SequencerCore core, ReferenceChain reference,
                                        List<CompletableFuture<AcceptedInteraction>> acks, int[] counted) {
        ReferenceChain.Block expected = reference.closeBlock();
        var closed = core.closeBlock();
        if (expected == null) {
            assertTrue(closed.isEmpty(), "no block when nothing is pending");
            return;
        }
        ClosedBlock block = closed.orElseThrow();
        assertEquals(expected.number(), block.number(), "block number");
        assertEquals(expected.receipts(), block.receipts(), "receipts of block " + block.number());
        assertEquals(expected.stateRoot(), block.stateRoot(), "state root of block " + block.number());
        List<Bytes32> hashes = expected.receipts().stream().map(Receipt::interactionHash).toList();
        assertEquals(hashes, block.interactionHashes());
        List<Receipt> soft = acks.stream().map(ack -> ack.join().softReceipt()).toList();
        assertEquals(expected.receipts(), soft, "soft receipts at acceptance equal the block's");
        acks.clear();
        assertEquals(0, core.pendingCount());
        counted[0]++;
        counted[1] += block.size();
    }

    private static String refusalOf(SequencerCore core, SignedInteraction signed) {
        try {
            core.accept(signed, signed.digest(CoreFixtures.DOMAIN));
        } catch (InteractionRefused refused) {
            return refused.code();
        }
        return fail("accepted " + signed.interaction());
    }

    private static AgentKey[] shuffled(Random random) {
        List<AgentKey> keys = new ArrayList<>(Arrays.asList(POOL));
        java.util.Collections.shuffle(keys, random);
        return keys.toArray(AgentKey[]::new);
    }
}
