package io.agnt2.sequencer.core;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.codec.BatchCodec;
import io.agnt2.protocol.crypto.Keccak;
import io.agnt2.protocol.execution.BlockContext;
import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.value.Bytes32;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The two halves of closing a block around its durable marker, shared by {@link SequencerCore#closeBlock}
 * and by recovery (which must reach the same roots): {@link #prepare} executes the interactions against
 * the committed state and moves the trie; {@link #commit} moves the committed records once the marker
 * is durable (or, in recovery, found in the log) and builds the published block. Called under the
 * core's block lock only.
 */
final class BlockProducer {

    private final CommittedState committed;
    private final BlockExecution execution;
    private final LeafHasher hasher;
    private final CheckpointTracker checkpoints;

    BlockProducer(CommittedState committed, BlockExecution execution, LeafHasher hasher,
                  CheckpointTracker checkpoints) {
        this.committed = committed;
        this.execution = execution;
        this.hasher = hasher;
        this.checkpoints = checkpoints;
    }

    PreparedBlock prepare(BlockContext block, List<PendingInteraction> interactions, long lastSequence,
                          long durableWaitNanos) {
        if (block.blockNumber() != committed.blockNumber() + 1) {
            throw new IllegalStateException("block " + block.blockNumber() + " does not follow block "
                    + committed.blockNumber());
        }
        long start = System.nanoTime();
        ExecutedBlock executed = execution.execute(interactions, block, committed::record);
        long executedAt = System.nanoTime();
        Map<AgentAddress, byte[]> leafHashes = hasher.leafHashes(executed.changes());
        long hashedAt = System.nanoTime();
        Bytes32 root = committed.updateTrie(leafHashes);
        long rootedAt = System.nanoTime();
        BlockTimings timings = new BlockTimings(durableWaitNanos, executedAt - start, hashedAt - executedAt,
                rootedAt - hashedAt, 0);
        return new PreparedBlock(block.blockNumber(), interactions, executed, root, lastSequence, timings);
    }

    ClosedBlock commit(PreparedBlock prepared, long markerNanos, boolean replayed) {
        committed.commit(prepared.executed().changes(), prepared.number(), prepared.lastSequence());
        checkpoints.changed(prepared.executed().changes().keySet());
        List<SignedInteraction> signed = new ArrayList<>(prepared.interactions().size());
        List<Bytes32> hashes = new ArrayList<>(prepared.interactions().size());
        for (PendingInteraction interaction : prepared.interactions()) {
            signed.add(interaction.signed());
            hashes.add(interaction.hash());
        }
        BlockTimings t = prepared.timings();
        byte[] batch = BatchCodec.encode(signed);
        return new ClosedBlock(prepared.number(), prepared.stateRoot(),
                ReceiptEncoding.receiptsRoot(prepared.executed().receipts()), Bytes32.of(Keccak.keccak256(batch)), batch,
                prepared.lastSequence(), hashes, signed, prepared.executed().receipts(), replayed,
                replayed ? BlockTimings.NONE
                        : new BlockTimings(t.durableWait(), t.execution(), t.leafHashing(), t.trieUpdate(), markerNanos));
    }
}
