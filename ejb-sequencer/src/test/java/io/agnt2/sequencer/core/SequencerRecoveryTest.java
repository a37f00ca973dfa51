package io.agnt2.sequencer.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.codec.InteractionCodec;
import io.agnt2.protocol.interaction.Register;
import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.interaction.Transfer;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;
import io.agnt2.sequencer.infrastructure.log.InteractionLog;
import io.agnt2.sequencer.infrastructure.log.LogOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reopening rebuilds the committed state from a checkpoint plus the log: replayed blocks reach their
 * logged roots, acknowledged interactions after the last block become pending, nothing is applied twice.
 */
class SequencerRecoveryTest {

    private static final int AGENTS = 6;

    private final AgentKey[] keys = CoreFixtures.keys("recovery", AGENTS);
    private final long[] nonces = new long[AGENTS];
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final List<ClosedBlock> published = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void checkpointPlusLogRestoresBlocksAndPendingInteractions() throws Exception {
        InMemoryCheckpointStore store = new InMemoryCheckpointStore();
        List<Bytes32> acknowledged = new ArrayList<>();
        List<ClosedBlock> original = new ArrayList<>();
        try (SequencerCore core = open(store)) {
            for (int i = 0; i < AGENTS; i++) {
                acknowledged.add(accept(core, register(i)));
            }
            original.add(core.closeBlock().orElseThrow());
            core.checkpoint(store);
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < AGENTS; i++) {
                    acknowledged.add(accept(core, transfer(i, (i + 1 + round) % AGENTS)));
                }
                original.add(core.closeBlock().orElseThrow());
            }
            for (int i = 0; i < AGENTS; i++) {
                acknowledged.add(accept(core, transfer(i, (i + 4) % AGENTS))); // acknowledged, in no block: the "crash" follows
            }
        }
        published.clear();
        try (SequencerCore reopened = open(store)) {
            assertEquals(4, reopened.lastBlockNumber());
            assertEquals(List.of(2L, 3L, 4L), published.stream().map(ClosedBlock::number).toList(),
                    "blocks after the checkpoint are replayed; block 1 is in the checkpoint");
            for (ClosedBlock replayed : published) {
                ClosedBlock before = original.get((int) replayed.number() - 1);
                assertTrue(replayed.replayed());
                assertEquals(before.stateRoot(), replayed.stateRoot());
                assertEquals(before.receipts(), replayed.receipts());
                assertEquals(before.dataHash(), replayed.dataHash());
            }
            assertEquals(AGENTS, reopened.pendingCount());
            ClosedBlock next = reopened.closeBlock().orElseThrow();
            assertEquals(5, next.number());
            Set<Bytes32> included = new HashSet<>();
            for (ClosedBlock block : original) {
                block.interactionHashes().forEach(hash -> assertTrue(included.add(hash), "twice: " + hash));
            }
            next.interactionHashes().forEach(hash -> assertTrue(included.add(hash), "twice: " + hash));
            assertEquals(new HashSet<>(acknowledged), included, "every acknowledged interaction, once");
            assertTrue(next.receipts().stream().allMatch(r -> r.succeeded()));
            long total = 0;
            for (AgentKey key : keys) {
                total = Math.addExact(total, reopened.committedRecord(key.address()).orElseThrow().balance()
                        .toBigInteger().longValueExact());
            }
            assertEquals(AGENTS * 10_000L, total, "value neither made nor lost: nothing applied twice");
        }
    }

    @Test
    void storedCheckpointsLetTheLogDropSegmentsAndStillRecover() throws Exception {
        InMemoryCheckpointStore store = new InMemoryCheckpointStore();
        Bytes32 root;
        LogOptions small = LogOptions.defaults().withSegmentBytes(2048);
        try (SequencerCore core = open(store, small)) {
            for (int i = 0; i < AGENTS; i++) {
                accept(core, register(i));
            }
            core.closeBlock();
            for (int round = 0; round < 10; round++) {
                for (int i = 0; i < AGENTS; i++) {
                    accept(core, transfer(i, (i + 1) % AGENTS));
                }
                core.closeBlock();
            }
            Checkpoint changes = core.checkpointChanges();
            assertEquals(AGENTS, changes.records().size(), "one record per touched agent");
            store.store(changes);
            assertTrue(core.checkpointStored(changes) > 0, "closed segments before the checkpoint are deleted");
            assertEquals(0, core.checkpointChanges().records().size(), "nothing changed since");
            accept(core, transfer(0, 1));
            core.closeBlock();
            root = core.stateRoot();
        }
        try (SequencerCore reopened = open(store, small)) {
            assertEquals(12, reopened.lastBlockNumber());
            assertEquals(root, reopened.stateRoot());
        }
    }

    @Test
    void aCheckpointThatDoesNotHashToItsRootIsRefused() {
        Checkpoint genesis = Checkpoint.genesis(List.of(io.agnt2.protocol.state.AgentRecord.empty(keys[0].address())));
        Checkpoint tampered = new Checkpoint(0, 0, Bytes32.ZERO, genesis.records());
        assertThrows(IllegalStateException.class, () -> open(() -> tampered));
    }

    @Test
    void aLoggedBlockThatReplaysToAnotherRootStopsTheOpen() throws Exception {
        try (InteractionLog log = InteractionLog.open(dir)) {
            long last = log.append(InteractionCodec.encode(register(0))).join();
            log.appendBlockMarker(1, last, new byte[32]).join();
        }
        ReplayMismatchException mismatch = assertThrows(ReplayMismatchException.class,
                () -> open(new InMemoryCheckpointStore()));
        assertTrue(mismatch.getMessage().contains("block 1"), mismatch.getMessage());
    }

    private SequencerCore open(CheckpointSource source) throws Exception {
        return open(source, LogOptions.defaults());
    }

    private SequencerCore open(CheckpointSource source, LogOptions options) throws Exception {
        SequencerConfig config = SequencerConfig.parallel(dir, CoreFixtures.PARAMETERS, threads, 2)
                .withLogOptions(options).withListener(published::add);
        return SequencerCore.open(config, source);
    }

    private SignedInteraction register(int agent) {
        return sign(agent, new Register(keys[agent].address(), "org", "", Nonce.of(nonces[agent]++)));
    }

    private SignedInteraction transfer(int from, int to) {
        return sign(from, new Transfer(keys[from].address(), keys[to].address(), Wei.of(7), Nonce.of(nonces[from]++)));
    }

    private SignedInteraction sign(int agent, io.agnt2.protocol.interaction.Interaction interaction) {
        return SignedInteraction.sign(interaction, keys[agent], CoreFixtures.DOMAIN);
    }

    private static Bytes32 accept(SequencerCore core, SignedInteraction signed) throws Exception {
        return core.accept(signed, signed.digest(CoreFixtures.DOMAIN)).join().hash();
    }
}
