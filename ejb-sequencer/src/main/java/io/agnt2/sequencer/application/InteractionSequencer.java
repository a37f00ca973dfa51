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
import io.agnt2.sequencer.core.InteractionRefused;
import io.agnt2.sequencer.core.RecentInteraction;
import io.agnt2.sequencer.core.SequencerConfig;
import io.agnt2.sequencer.core.SequencerCore;
import io.agnt2.sequencer.domain.Rejection;
import io.agnt2.sequencer.infrastructure.log.LogFullException;
import io.agnt2.sequencer.infrastructure.persistence.JpaCheckpoints;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
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
    BlockCloseTimings timings;
    @Inject
    PendingLimit pendingLimit;
    @Resource
    ManagedExecutorService executor;
    @Inject
    @ConfigProperty(name = "agnt2.sequencer.log-dir", defaultValue = "sequencer-log")
    String logDirectory;
    /** Blocks between two checkpoints of the agent records to the database. */
    @Inject
    @ConfigProperty(name = "agnt2.sequencer.checkpoint-blocks", defaultValue = "10")
    int checkpointBlocks;

    private volatile SequencerCore core;
    private long blocksSinceCheckpoint;

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
                durable.add(engine.accept(submission.signed(), Hex.decode(submission.hash())));
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
     * Executes every pending interaction into a new block; its submitters are told and it is recorded in
     * the database ({@link BlockRecording}). Checkpoints wait while a block is not in the database.
     *
     * @return false when nothing was pending
     */
    public boolean closeBlock() {
        if (!chain.isBound()) {
            return false; // nothing can have been accepted before the domain was known
        }
        Optional<io.agnt2.sequencer.core.ClosedBlock> closed = core().closeBlock();
        pendingLimit.blockClosed();
        boolean recorded = recording.recordOutstanding(); // retries what the database refused before
        if (closed.isPresent() && recorded) {
            checkpointEvery(closed.get().number());
        }
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

    /** The agent's record as of the newest block. */
    public Optional<AgentRecord> agent(AgentAddress address) {
        return core().committedRecord(address);
    }

    /** An interaction accepted recently (pending or in one of the newest blocks), from memory; empty if older or unknown. */
    public Optional<RecentInteraction> recent(String hash) {
        return core().recent(Bytes32.fromHex(hash));
    }

    private void checkpointEvery(long blockNumber) {
        if (++blocksSinceCheckpoint < checkpointBlocks) {
            return;
        }
        long start = System.nanoTime();
        try {
            core.checkpoint(checkpoints);
            blocksSinceCheckpoint = 0;
            timings.checkpointed(System.nanoTime() - start);
        } catch (Exception e) {
            // the log still holds everything since the last checkpoint: retried after the next block
            LOG.warning("checkpoint after block " + blockNumber + " failed, will retry: " + e.getMessage());
        }
    }

    private SequencerCore core() {
        SequencerCore opened = core;
        return opened != null ? opened : open();
    }

    private synchronized SequencerCore open() {
        if (core == null) {
            SequencerConfig config = SequencerConfig.parallel(Path.of(logDirectory).toAbsolutePath(), chain.current(),
                            executor, Math.max(1, Runtime.getRuntime().availableProcessors()))
                    .withListener(recording::closed);
            try {
                core = SequencerCore.open(config, checkpoints);
            } catch (IOException e) {
                throw new UncheckedIOException("the sequencer's log at " + logDirectory + " could not be opened", e);
            }
            LOG.info("sequencer core open at block " + core.lastBlockNumber() + ", log in " + config.logDirectory());
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
