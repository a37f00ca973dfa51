package io.agnt2.sequencer.core;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.codec.InteractionCodec;
import io.agnt2.protocol.execution.PreparedInteraction;
import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.state.AgentRecord;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.sequencer.domain.parallel.KeyAccess;
import io.agnt2.sequencer.infrastructure.log.InteractionLog;
import io.agnt2.sequencer.infrastructure.log.LogFullException;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The engine of the rollup: accepts interactions into the head and the durable log, closes blocks
 * against the committed state with the parallel executor, and recovers from a checkpoint plus the log.
 * Plain Java; the EJB owns one instance, a timer that calls {@link #closeBlock}, and the checkpoint
 * schedule. Decision 0007 describes the design.
 *
 * <pre>{@code
 * try (SequencerCore core = SequencerCore.open(config, checkpointStore)) {
 *     core.accept(signed, hash).thenAccept(ack -> ...);     // durable: answer the client
 *     core.closeBlock();                                    // on a timer or when pendingCount() is large
 *     core.checkpoint(checkpointStore);                     // now and then; lets the log drop segments
 * }
 * }</pre>
 *
 * <p>Threads: {@link #accept} from any number of threads (serialised briefly on the head's lock; the
 * fsync wait is the returned future's). {@link #closeBlock} and the checkpoint methods from any thread,
 * one at a time (they share the block lock), concurrently with accepts.
 *
 * <p>Failure: if the log fails (an I/O error is fatal for it, see decision 0006) the core stops: every
 * later call throws {@link IllegalStateException}, and reopening the directory recovers what is on disk.
 */
public final class SequencerCore implements AutoCloseable {

    private final SequencerConfig config;
    private final InteractionLog log;
    private final Head head;
    private final CommittedState committed;
    private final BlockProducer producer;
    private final CheckpointTracker checkpoints;
    private final ReentrantLock blockLock = new ReentrantLock();

    // Guarded by blockLock: a block that failed half-way is retried with the same boundaries and number.
    private Head.Cut unfinishedCut;
    private PreparedBlock unmarkedBlock;
    private long blocksClosed;
    private long blockInteractions;
    private BlockTimings timingTotals = BlockTimings.NONE;

    private volatile Throwable failure;

    private SequencerCore(SequencerConfig config, InteractionLog log, Head head, CommittedState committed,
                          BlockProducer producer, CheckpointTracker checkpoints) {
        this.config = config;
        this.log = log;
        this.head = head;
        this.committed = committed;
        this.producer = producer;
        this.checkpoints = checkpoints;
    }

    /**
     * Rebuilds the committed state from {@code checkpoint} plus the log in the configured directory,
     * re-executing every logged block after it (handing each to the listener, marked replayed) and
     * checking its root; the acknowledged interactions after the last block become pending.
     *
     * @throws ReplayMismatchException if a replayed block does not reach its logged root
     * @throws IllegalStateException   if the checkpoint's records do not hash to its root, or it is
     *                                 ahead of the log
     */
    public static SequencerCore open(SequencerConfig config, CheckpointSource checkpoint) throws IOException {
        Checkpoint start = load(checkpoint);
        LeafHasher hasher = config.leafHasher();
        CommittedState committed = CommittedState.from(start, hasher);
        CheckpointTracker checkpoints = new CheckpointTracker();
        BlockProducer producer = new BlockProducer(committed, new BlockExecution(config.blockExecutor()), hasher,
                checkpoints);
        InteractionLog log = InteractionLog.open(config.logDirectory(), config.logOptions());
        try {
            CoreRecovery.Replayed replayed = new CoreRecovery(committed, producer, config.parameters(),
                    config.listener(), config.duplicateWindowBlocks()).replay(log);
            Head head = new Head(committed.copyOfRecords(), config.parameters(), committed.blockNumber() + 1,
                    config.duplicateWindowBlocks());
            replayed.recentBlocks().forEach(head::replayedBlock);
            replayed.pending().forEach(head::restore);
            return new SequencerCore(config, log, head, committed, producer, checkpoints);
        } catch (IOException | RuntimeException e) {
            log.close();
            throw e;
        }
    }

    private static Checkpoint load(CheckpointSource source) throws IOException {
        try {
            return source.load();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("loading the checkpoint failed", e);
        }
    }

    /**
     * Accepts an interaction whose signature, chain and organisation the caller has checked: refuses a
     * duplicate, runs the state transition against the head, and appends the canonical encoding to the
     * log. Acceptance order is log order and block order.
     *
     * @param hash its EIP-712 digest (the core recomputes it, once, before taking the head's lock; a different value is refused)
     * @return completes once the interaction is durable; it will be in the next block closed
     * @throws InteractionRefused if it is a duplicate or the transition refuses it: nothing changed
     * @throws LogFullException   if the log's queue stayed full for its timeout: nothing changed
     */
    public CompletableFuture<AcceptedInteraction> accept(SignedInteraction signed, byte[] hash)
            throws InteractionRefused {
        requireUsable();
        // Everything that depends on the interaction alone is computed here, outside the head's lock.
        PreparedInteraction prepared = PreparedInteraction.of(signed.interaction(), config.parameters().domain());
        Bytes32 id = prepared.digest();
        if (!id.equals(Bytes32.of(hash))) {
            throw new IllegalArgumentException("hash " + Bytes32.of(hash) + " is not the EIP-712 digest " + id
                    + " of the " + signed.interaction().kind());
        }
        return accept(signed, prepared);
    }

    /**
     * As {@link #accept(SignedInteraction, byte[])}, with the preparation the caller made when it checked
     * the signature (the gateway does), so the digest is not derived again.
     *
     * @throws IllegalArgumentException if {@code prepared} is not of this interaction or not under the chain's domain
     */
    public CompletableFuture<AcceptedInteraction> accept(SignedInteraction signed, PreparedInteraction prepared)
            throws InteractionRefused {
        requireUsable();
        if (prepared.interaction() != signed.interaction() || !prepared.domain().equals(config.parameters().domain())) {
            throw new IllegalArgumentException("the preparation is not of this " + signed.interaction().kind()
                    + " under the chain's domain");
        }
        Bytes32 id = prepared.digest();
        KeyAccess<AgentAddress> access = InteractionAccess.of(prepared);
        byte[] encoded = InteractionCodec.encode(signed);
        Head.Admission admission = head.accept(signed, prepared, access, encoded, log::append);
        return admission.pending().durable().handle((sequence, error) -> {
            if (error != null) {
                fail(error);
                throw new CompletionException(error);
            }
            return new AcceptedInteraction(id, sequence, admission.receipt());
        });
    }

    /**
     * Closes a block of everything accepted since the last one: waits until the last of them is durable,
     * executes them against the committed state, updates the trie, makes the block marker durable, then
     * moves the committed state and hands the block to the listener. If a step fails, the next call
     * retries the same block (same interactions, same number) from where it stopped.
     *
     * @return the block, or empty if nothing was pending
     * @throws BlockPublicationException if only the listener failed: the block is closed
     */
    public Optional<ClosedBlock> closeBlock() {
        blockLock.lock();
        try {
            requireUsable();
            if (unmarkedBlock == null) {
                if (unfinishedCut == null) {
                    unfinishedCut = head.cut();
                    if (unfinishedCut == null) {
                        return Optional.empty();
                    }
                }
                long waitStart = System.nanoTime();
                long lastSequence = awaitLog(unfinishedCut.interactions().getLast().durable());
                unmarkedBlock = producer.prepare(unfinishedCut.block(), unfinishedCut.interactions(), lastSequence,
                        System.nanoTime() - waitStart);
                unfinishedCut = null;
            }
            long markerStart = System.nanoTime();
            awaitLog(log.appendBlockMarker(unmarkedBlock.number(), unmarkedBlock.lastSequence(),
                    unmarkedBlock.stateRoot().bytes()));
            head.markFailed(unmarkedBlock.executed().receipts());
            ClosedBlock block = producer.commit(unmarkedBlock, System.nanoTime() - markerStart, false);
            unmarkedBlock = null;
            count(block);
            publish(block);
            return Optional.of(block);
        } finally {
            blockLock.unlock();
        }
    }

    /** Interactions accepted but not yet in a block: the caller's block-size policy reads it. */
    public int pendingCount() {
        return head.pendingCount();
    }

    /**
     * The records changed since the last confirmed checkpoint, as of the last closed block, for a
     * {@link CheckpointSink}; then call {@link #checkpointStored}. Until then, later calls carry
     * these records again.
     */
    public Checkpoint checkpointChanges() {
        blockLock.lock();
        try {
            requireUsable();
            return committed.checkpointOf(checkpoints.handOut(committed.blockNumber()));
        } finally {
            blockLock.unlock();
        }
    }

    /**
     * The sink has durably stored {@code checkpoint}: the log may drop the segments it covers.
     *
     * @return the number of log segments deleted
     */
    public int checkpointStored(Checkpoint checkpoint) throws IOException {
        blockLock.lock();
        try {
            checkpoints.confirmed(checkpoint.blockNumber());
        } finally {
            blockLock.unlock();
        }
        return log.checkpoint(checkpoint.lastSequence());
    }

    /** {@link #checkpointChanges()}, {@code sink.store}, {@link #checkpointStored}: the usual sequence. */
    public Checkpoint checkpoint(CheckpointSink sink) throws Exception {
        Checkpoint changes = checkpointChanges();
        sink.store(changes);
        checkpointStored(changes);
        return changes;
    }

    /**
     * A recent interaction: pending, or in one of the last {@link SequencerConfig#duplicateWindowBlocks}
     * blocks. Empty for anything older (the database knows those) or never accepted.
     */
    public Optional<RecentInteraction> recent(Bytes32 hash) {
        return head.recent(hash, committed.blockNumber());
    }

    /** The agent's record with every accepted interaction applied (what the next one is checked against). */
    public Optional<AgentRecord> headRecord(AgentAddress agent) {
        return head.find(agent);
    }

    /** The agent's record as of the last closed block. */
    public Optional<AgentRecord> committedRecord(AgentAddress agent) {
        return committed.find(agent);
    }

    /** The state root of the last closed block. */
    public Bytes32 stateRoot() {
        blockLock.lock();
        try {
            return committed.root();
        } finally {
            blockLock.unlock();
        }
    }

    public long lastBlockNumber() {
        return committed.blockNumber();
    }

    public int agentCount() {
        return committed.size();
    }

    public CoreStats stats() {
        blockLock.lock();
        try {
            return new CoreStats(head.accepted(), head.executionNanos(), blocksClosed, blockInteractions,
                    timingTotals, log.stats());
        } finally {
            blockLock.unlock();
        }
    }

    /**
     * Makes every accepted interaction durable and releases the log; pending interactions are not put
     * in a block (they are in the log, and the next open makes them pending again).
     */
    @Override
    public void close() {
        log.close();
    }

    private long awaitLog(CompletableFuture<Long> durable) {
        try {
            return durable.get();
        } catch (ExecutionException e) {
            fail(e.getCause());
            throw new IllegalStateException("the interaction log failed; reopen the core to recover", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the interaction log", e);
        }
    }

    private void count(ClosedBlock block) {
        blocksClosed++;
        blockInteractions += block.size();
        BlockTimings t = timingTotals;
        BlockTimings b = block.timings();
        timingTotals = new BlockTimings(t.durableWait() + b.durableWait(), t.execution() + b.execution(),
                t.leafHashing() + b.leafHashing(), t.trieUpdate() + b.trieUpdate(), t.marker() + b.marker());
    }

    private void publish(ClosedBlock block) {
        try {
            config.listener().blockClosed(block);
        } catch (Exception e) {
            throw new BlockPublicationException(block, e);
        }
    }

    private void fail(Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
    }

    private void requireUsable() {
        Throwable f = failure;
        if (f != null) {
            throw new IllegalStateException("the sequencer core stopped after a log failure; reopen it to recover", f);
        }
    }
}
