package io.agnt2.sequencer.application;

import io.agnt2.protocol.Hex;
import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.execution.TransitionRejection;
import io.agnt2.protocol.interaction.BridgedInteraction;
import io.agnt2.protocol.interaction.Interaction;
import io.agnt2.protocol.interaction.Register;
import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.state.AgentRecord;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.sequencer.core.Checkpoint;
import io.agnt2.sequencer.core.InteractionRefused;
import io.agnt2.sequencer.core.RecentInteraction;
import io.agnt2.sequencer.core.SequencerConfig;
import io.agnt2.sequencer.core.SequencerCore;
import io.agnt2.sequencer.domain.Rejection;
import io.agnt2.sequencer.infrastructure.log.LogFullException;
import io.agnt2.sequencer.infrastructure.persistence.JpaCheckpoints;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The one sequencer, as the application server runs it: the {@link SequencerCore} (in-memory head
 * and state, the durable interaction log as the commit point, parallel block execution) with the
 * server's executor, the database for checkpoints and the explorer, and the organisation check. The
 * core serialises what must be serialised, so this bean adds no lock of its own.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InteractionSequencer {

    private static final Logger LOG = Logger.getLogger(InteractionSequencer.class.getName());

    @Inject
    ChainParameters chain;
    @Inject
    JpaCheckpoints checkpoints;
    @Inject
    BlockRecording recording;
    @Inject
    BlockFollowUp followUp;
    @Inject
    SequencerThreads threads;
    @Inject
    BlockCloseTimings timings;
    @Inject
    PendingLimit pendingLimit;
    @Inject
    @ConfigProperty(name = "agnt2.sequencer.log-dir", defaultValue = "sequencer-log")
    String logDirectory;
    /**
     * Least time between two checkpoints of the agent records to the database. By time, not by blocks:
     * a checkpoint writes each agent changed since the last one once, so rarer checkpoints coalesce more,
     * and the log replays at most this much (plus what the database lags) after a crash.
     */
    @Inject
    @ConfigProperty(name = "agnt2.sequencer.checkpoint-interval-ms", defaultValue = "2000")
    long checkpointIntervalMs;
    /**
     * Threads a block's execution may use; 1 executes on the block clock's thread, with no hand-off.
     * 0 (the default) takes half the cores: the other half admits interactions (signature recovery). On
     * two cores that is 1: there the parallel run gained nothing even alone (sequencer-core: 1.01x), and
     * in the server every hand-off between its threads waited for a core that request threads held
     * (decision 0013).
     */
    @Inject
    @ConfigProperty(name = "agnt2.sequencer.parallelism", defaultValue = "0")
    int parallelism;

    private volatile SequencerCore core;
    /** Read and written by the follow-up thread only. */
    private long lastCheckpointNanos = System.nanoTime();

    /**
     * Accepts a signed interaction whose signature the caller has checked, for an organisation the
     * caller has authenticated. Durable when this returns: it is in the log and will be in the next block.
     */
    public void accept(Submission submission, Set<String> organizations) throws Rejection {
        Acceptance outcome = acceptAll(List.of(submission), organizations).getFirst();
        if (!outcome.isAccepted()) {
            throw outcome.rejection();
        }
    }

    /**
     * Accepts each submission on its own merits, in order: a refused one does not stop the others, and
     * later ones see the effect of earlier ones. Returns once every accepted one is durable (one group
     * commit of the log usually carries the whole batch).
     */
    public List<Acceptance> acceptAll(List<Submission> submissions, Set<String> organizations) {
        SequencerCore engine = core();
        pendingLimit.awaitRoom(engine::pendingCount);
        List<Acceptance> outcomes = new ArrayList<>(submissions.size());
        List<CompletableFuture<?>> durable = new ArrayList<>(submissions.size());
        for (Submission submission : submissions) {
            try {
                requireOwnership(engine, submission.signed().interaction(), organizations);
                durable.add(submission.prepared() != null ? engine.accept(submission.signed(), submission.prepared())
                        : engine.accept(submission.signed(), Hex.decode(submission.hash())));
                outcomes.add(Acceptance.accepted(submission.hash()));
            } catch (Rejection rejection) {
                outcomes.add(new Acceptance(submission.hash(), rejection));
            } catch (InteractionRefused refused) {
                outcomes.add(new Acceptance(submission.hash(), rejection(refused)));
            } catch (LogFullException full) {
                throw new IllegalStateException("the sequencer's log is full; try again shortly", full);
            }
        }
        try {
            CompletableFuture.allOf(durable.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw new IllegalStateException("the sequencer's log could not store accepted interactions", e.getCause());
        }
        return outcomes;
    }

    /**
     * Executes every pending interaction into a new block and tells its submitters; the database, the
     * checkpoints and the settlement outbox follow on another thread ({@link BlockFollowUp}).
     *
     * @return false when nothing was pending
     */
    public boolean closeBlock() {
        if (!chain.isBound()) {
            return false; // nothing can have been accepted before the domain was known
        }
        Optional<io.agnt2.sequencer.core.ClosedBlock> closed = core().closeBlock();
        pendingLimit.blockClosed();
        return closed.isPresent();
    }

    /**
     * Accepts what L1 vouches for (a channel's opening or closing on the adjudicator), derived by the
     * server's own bridge, never by a client: it has no signature and no organisation acts for it.
     * Durable when this returns.
     *
     * @throws Rejection if the transition refuses it, e.g. an L1 event the rollup already applied
     */
    public void acceptBridged(BridgedInteraction event) throws Rejection {
        SequencerCore engine = core();
        SignedInteraction bridged = SignedInteraction.bridged(event);
        try {
            engine.accept(bridged, bridged.digest(chain.domain())).join();
        } catch (InteractionRefused refused) {
            throw rejection(refused);
        } catch (LogFullException full) {
            throw new IllegalStateException("the sequencer's log is full; try again shortly", full);
        } catch (CompletionException e) {
            throw new IllegalStateException("the sequencer's log could not store an L1 event", e.getCause());
        }
    }

    /**
     * The L1 position of the newest event of {@code adjudicator} the rollup has accepted (0 for none): the
     * adjudicator's record is the bridge's cursor, counting what is accepted but not yet in a block.
     */
    public long bridgeCursor(AgentAddress adjudicator) {
        return core().headRecord(adjudicator).map(record -> record.nonce().value()).orElse(0L);
    }

    /**
     * Stores a checkpoint if the last one is {@link #checkpointIntervalMs} old. The caller ({@link BlockFollowUp})
     * calls it only when every closed block is in the database.
     */
    public void checkpointIfDue() {
        SequencerCore opened = core;
        if (opened == null || System.nanoTime() - lastCheckpointNanos < TimeUnit.MILLISECONDS.toNanos(checkpointIntervalMs)) {
            return;
        }
        long start = System.nanoTime();
        try {
            Checkpoint stored = opened.checkpoint(checkpoints);
            lastCheckpointNanos = start;
            timings.checkpointed(System.nanoTime() - start);
            LOG.fine(() -> "checkpoint at block " + stored.blockNumber() + ": " + stored.records().size() + " agents");
        } catch (Exception e) {
            // the log still holds everything since the last checkpoint: retried on the next follow-up
            LOG.warning("checkpoint failed, will retry: " + e.getMessage());
        }
    }

    /** Interactions accepted and waiting for the next block: the block clock closes early when many wait. */
    public int pendingCount() {
        SequencerCore opened = core;
        return opened == null ? 0 : opened.pendingCount();
    }

    /** The agent's record as of the newest block. */
    public Optional<AgentRecord> agent(AgentAddress address) {
        return core().committedRecord(address);
    }

    /** An interaction accepted recently (pending or in one of the newest blocks), from memory; empty if older or unknown. */
    public Optional<RecentInteraction> recent(String hash) {
        return core().recent(Bytes32.fromHex(hash));
    }

    private SequencerCore core() {
        SequencerCore opened = core;
        return opened != null ? opened : open();
    }

    /** A setting renamed in decision 0013 would otherwise be ignored without a word. */
    private static void warnOfRenamedSettings() {
        ConfigProvider.getConfig()
                .getOptionalValue("agnt2.sequencer.checkpoint-blocks", String.class)
                .ifPresent(value -> LOG.warning("agnt2.sequencer.checkpoint-blocks (" + value + ") is no longer read: "
                        + "checkpoints are taken by time, agnt2.sequencer.checkpoint-interval-ms (decision 0013)"));
    }

    private synchronized SequencerCore open() {
        if (core == null) {
            warnOfRenamedSettings();
            int threadCount = parallelism > 0 ? parallelism : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
            SequencerConfig config = (threadCount == 1
                    ? SequencerConfig.sequential(Path.of(logDirectory).toAbsolutePath(), chain.current())
                    : SequencerConfig.parallel(Path.of(logDirectory).toAbsolutePath(), chain.current(),
                            threads.blockExecution(threadCount), threadCount))
                    .withListener(block -> {
                        recording.closed(block);
                        followUp.request();
                    });
            try {
                core = SequencerCore.open(config, checkpoints);
            } catch (IOException e) {
                throw new UncheckedIOException("the sequencer's log at " + logDirectory + " could not be opened", e);
            }
            LOG.info("sequencer core open at block " + core.lastBlockNumber() + ", log in " + config.logDirectory()
                    + ", block execution on " + threadCount + " thread(s)");
        }
        return core;
    }

    @PreDestroy
    void close() {
        if (core != null) {
            core.close();
        }
    }

    private static Rejection rejection(InteractionRefused refused) {
        return refused.getCause() instanceof TransitionRejection transition ? Rejection.of(transition)
                : Rejection.duplicate(refused.getMessage());
    }

    /** An organisation acts only for agents it registered (and registers only for itself). */
    private static void requireOwnership(SequencerCore engine, Interaction interaction, Set<String> organizations)
            throws Rejection {
        String owner = interaction instanceof Register register ? register.organization()
                : engine.headRecord(interaction.signer()).filter(AgentRecord::isRegistered)
                .map(AgentRecord::organization).orElse(null);
        // An unregistered signer is left to the transition, which says so precisely.
        if (owner != null && !organizations.contains(owner)) {
            throw Rejection.foreignAgent(interaction.signer() + " does not belong to your organisation");
        }
    }
}
