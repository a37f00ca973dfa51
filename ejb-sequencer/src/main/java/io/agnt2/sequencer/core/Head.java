package io.agnt2.sequencer.core;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.execution.BlockContext;
import io.agnt2.protocol.execution.PreparedInteraction;
import io.agnt2.protocol.execution.Receipt;
import io.agnt2.protocol.execution.StateTransition;
import io.agnt2.protocol.execution.TransitionParameters;
import io.agnt2.protocol.execution.TransitionRejection;
import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.state.AgentRecord;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.sequencer.domain.parallel.KeyAccess;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The committed state plus every interaction accepted since the last block cut, in acceptance order:
 * what the next interaction is checked against (its nonce, its balance), so acceptance never waits for
 * a block.
 *
 * <p>One lock serialises "execute against the head, then enqueue to the log". Holding it across both
 * makes acceptance order, head order and log order the same order, which is what lets a block (and a
 * replay) re-execute the interactions in log order and reach the head's result. The wait for the fsync
 * is outside the lock (the caller waits on the returned future), so one force serves every interaction
 * enqueued meanwhile. The head executes interactions under the number of the block that will hold
 * them ({@link #cut} moves to the next), so the block's execution sees the same context.
 */
final class Head {

    /** What acceptance returns: the interaction as it waits for its block, and its soft receipt. */
    record Admission(PendingInteraction pending, Receipt receipt) {
    }

    /** The interactions of the next block, cut from the head in acceptance order. */
    record Cut(BlockContext block, List<PendingInteraction> interactions) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<AgentAddress, AgentRecord> records;
    private final TransitionParameters parameters;
    private final RecentInteractions recent;
    private BlockContext openBlock;
    private List<PendingInteraction> pending = new ArrayList<>();
    // Written under the lock, read without it (statistics and the caller's block-size policy).
    private volatile int pendingCount;
    private volatile long accepted;
    private volatile long executionNanos;

    /**
     * @param committed a copy of the committed records that this head owns from now on
     * @param openBlock the number of the block the next accepted interaction goes into
     */
    Head(Map<AgentAddress, AgentRecord> committed, TransitionParameters parameters, long openBlock,
         int duplicateWindowBlocks) {
        this.records = committed;
        this.parameters = parameters;
        this.openBlock = new BlockContext(openBlock, parameters);
        this.recent = new RecentInteractions(duplicateWindowBlocks);
    }

    /**
     * Checks {@code signed} against the head and, if it passes, hands its encoding to {@code log} and
     * applies it. A refusal, or an exception from {@code log}, leaves everything as it was.
     *
     * @param log enqueues the encoding for a durable append; must not wait for the force
     */
    Admission accept(SignedInteraction signed, PreparedInteraction prepared, KeyAccess<AgentAddress> access,
                     byte[] encoded, Function<byte[], CompletableFuture<Long>> log) throws InteractionRefused {
        Bytes32 hash = prepared.digest();
        lock.lock();
        try {
            if (recent.contains(hash)) {
                throw InteractionRefused.duplicate(hash);
            }
            long start = System.nanoTime();
            HeadStaging staging = new HeadStaging(records);
            Receipt receipt;
            try {
                receipt = StateTransition.apply(staging, prepared, openBlock);
            } catch (TransitionRejection rejection) {
                throw InteractionRefused.rejected(rejection);
            } finally {
                executionNanos += System.nanoTime() - start;
            }
            CompletableFuture<Long> durable = log.apply(encoded);
            staging.commit();
            PendingInteraction admitted = new PendingInteraction(signed, prepared, access, durable);
            pending.add(admitted);
            pendingCount = pending.size();
            recent.add(hash, placement(signed, openBlock));
            accepted++;
            return new Admission(admitted, receipt);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes the interactions accepted since the last cut as the next block, and opens the one after.
     * Returns null when there are none (no empty blocks).
     */
    Cut cut() {
        lock.lock();
        try {
            if (pending.isEmpty()) {
                return null;
            }
            Cut cut = new Cut(openBlock, pending);
            pending = new ArrayList<>();
            pendingCount = 0;
            openBlock = new BlockContext(openBlock.blockNumber() + 1, parameters);
            recent.seal();
            return cut;
        } finally {
            lock.unlock();
        }
    }

    /** Recovery: a block replayed from the log, whose interactions must still count as duplicates and be found. */
    void replayedBlock(ClosedBlock block) {
        lock.lock();
        try {
            for (int i = 0; i < block.size(); i++) {
                Bytes32 hash = block.interactionHashes().get(i);
                SignedInteraction signed = block.interactions().get(i);
                recent.add(hash, new RecentInteractions.Placement(block.number(), signed.interaction().kind(),
                        signed.interaction().signer()));
            }
            recent.seal();
            markFailed(block.receipts());
            openBlock = new BlockContext(block.number() + 1, parameters);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Recovery: an interaction acknowledged before the crash but in no block. It is pending whatever the
     * head says now; should it be refused (it was checked against the same state, so it should not),
     * the block records a failed receipt, as sequential execution would.
     */
    void restore(PendingInteraction interaction) {
        lock.lock();
        try {
            HeadStaging staging = new HeadStaging(records);
            StateTransition.execute(staging, interaction.prepared(), openBlock);
            staging.commit();
            pending.add(interaction);
            pendingCount = pending.size();
            recent.add(interaction.hash(), placement(interaction.signed(), openBlock));
        } finally {
            lock.unlock();
        }
    }

    /** The block that holds (or will hold) a recent interaction, and whether that block executed it as failed. */
    Optional<RecentInteraction> recent(Bytes32 hash, long lastClosedBlock) {
        lock.lock();
        try {
            return recent.find(hash).map(placement -> new RecentInteraction(hash, placement.kind(), placement.signer(),
                    placement.blockNumber(), placement.blockNumber() > lastClosedBlock ? RecentInteraction.Status.PENDING
                    : recent.failed(hash) ? RecentInteraction.Status.FAILED : RecentInteraction.Status.INCLUDED));
        } finally {
            lock.unlock();
        }
    }

    /**
     * A block about to be committed executed these: the failed ones (head and block disagreed, which is
     * never expected) must be found as failed from the moment the block counts as closed.
     */
    void markFailed(List<Receipt> receipts) {
        lock.lock();
        try {
            for (Receipt receipt : receipts) {
                if (!receipt.succeeded()) {
                    recent.markFailed(receipt.interactionHash());
                }
            }
        } finally {
            lock.unlock();
        }
    }

    Optional<AgentRecord> find(AgentAddress agent) {
        return Optional.ofNullable(records.get(agent));
    }

    int pendingCount() {
        return pendingCount;
    }

    long accepted() {
        return accepted;
    }

    private static RecentInteractions.Placement placement(SignedInteraction signed, BlockContext block) {
        return new RecentInteractions.Placement(block.blockNumber(), signed.interaction().kind(),
                signed.interaction().signer());
    }

    /** Time spent in the state transition at acceptance, under the lock: the serial part of accepting. */
    long executionNanos() {
        return executionNanos;
    }
}
