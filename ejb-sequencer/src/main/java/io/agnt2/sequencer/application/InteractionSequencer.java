package io.agnt2.sequencer.application;

import io.agnt2.protocol.Hex;
import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.codec.BatchCodec;
import io.agnt2.protocol.codec.InteractionCodec;
import io.agnt2.protocol.execution.BlockContext;
import io.agnt2.protocol.execution.StateTransition;
import io.agnt2.protocol.execution.StateView;
import io.agnt2.protocol.execution.TransitionRejection;
import io.agnt2.protocol.interaction.Interaction;
import io.agnt2.protocol.interaction.Register;
import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.state.AgentRecord;
import io.agnt2.protocol.trie.InteractionTrie;
import io.agnt2.sequencer.domain.HeadState;
import io.agnt2.sequencer.domain.Rejection;
import io.agnt2.sequencer.infrastructure.persistence.AgentStore;
import io.agnt2.sequencer.infrastructure.persistence.BlockEntity;
import io.agnt2.sequencer.infrastructure.persistence.BlockStore;
import io.agnt2.sequencer.infrastructure.persistence.InteractionEntity;
import io.agnt2.sequencer.infrastructure.persistence.InteractionStore;
import io.agnt2.sequencer.infrastructure.persistence.JpaState;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The one sequencer: it gives every accepted interaction its place in the order and closes blocks.
 * Acceptance and block closing are serialised by the singleton's write lock, so the head state that
 * acceptance checks against is exactly what the next block will execute. The state transition is
 * the protocol's ({@link StateTransition}), the same one a challenger re-runs on L1 data.
 */
@Singleton
@Lock(LockType.WRITE)
public class InteractionSequencer {

    private static final Logger LOG = Logger.getLogger(InteractionSequencer.class.getName());
    private static final Object DERIVED_STATE_GUARD = new Object();

    @Inject
    ChainParameters chain;
    @Inject
    AgentStore agents;
    @Inject
    InteractionStore interactions;
    @Inject
    BlockStore blocks;
    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * Derived from the store, lazily, and dropped whenever a transaction of ours does not commit:
     * the head (stored records plus pending interactions) and the trie over the stored records.
     */
    private HeadState head;
    private InteractionTrie trie;
    private long lastSequence;

    /**
     * Accepts a signed interaction whose signature the caller has checked, for an organisation the
     * caller has authenticated. Durable when this returns: the interaction is stored as pending.
     */
    public void accept(Submission submission, Set<String> organizations) throws Rejection {
        acceptOne(head(), nextBlock(), submission, organizations);
    }

    /**
     * Accepts each submission on its own merits, in order, in one transaction: a refused one does not
     * stop the others, and later ones see the effect of earlier ones (a batch may pay and pay again).
     */
    public List<Acceptance> acceptAll(List<Submission> submissions, Set<String> organizations) {
        HeadState state = head();
        BlockContext block = nextBlock();
        List<Acceptance> outcomes = new ArrayList<>(submissions.size());
        for (Submission submission : submissions) {
            try {
                acceptOne(state, block, submission, organizations);
                outcomes.add(Acceptance.accepted(submission.hash()));
            } catch (Rejection rejection) {
                outcomes.add(new Acceptance(submission.hash(), rejection));
            }
        }
        return outcomes;
    }

    private void acceptOne(HeadState state, BlockContext block, Submission submission, Set<String> organizations)
            throws Rejection {
        if (interactions.find(submission.hash()).isPresent()) {
            throw Rejection.duplicate("interaction " + submission.hash() + " was already accepted");
        }
        Interaction interaction = submission.signed().interaction();
        requireOwnership(state, interaction, organizations);
        dropDerivedStateUnlessCommitted();
        try {
            StateTransition.apply(state, interaction, block);
        } catch (TransitionRejection rejection) {
            throw Rejection.of(rejection);
        }
        interactions.add(new InteractionEntity(submission.hash(), ++lastSequence, interaction.kind().name(),
                interaction.signer().toString(), InteractionCodec.encode(submission.signed())));
    }

    /** Executes every pending interaction, in order, into a new block. Empty when none is pending. */
    public Optional<ClosedBlock> closeBlock() {
        List<InteractionEntity> pending = interactions.pending();
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        InteractionTrie stateTrie = trie();
        dropDerivedStateUnlessCommitted();
        head = null; // after this block the stored records are the head
        long number = blocks.lastNumber() + 1;
        BlockContext block = new BlockContext(number, chain.current());
        JpaState stored = agents.state();
        List<SignedInteraction> executed = new ArrayList<>(pending.size());
        List<String> hashes = new ArrayList<>(pending.size());
        for (InteractionEntity entity : pending) {
            SignedInteraction signed = InteractionCodec.decode(entity.encoded());
            executed.add(signed);
            hashes.add(entity.hash());
            interactions.include(entity, number, execute(stored, signed, block, entity.hash()));
        }
        Map<AgentAddress, byte[]> leaves = new HashMap<>();
        stored.written().forEach((address, record) -> leaves.put(address, record.leafHash()));
        stateTrie.apply(leaves);
        BlockEntity entity = new BlockEntity(number, Hex.encode(stateTrie.root()),
                Hex.encode(BatchCodec.dataHash(executed)), executed.size());
        blocks.add(entity);
        return Optional.of(new ClosedBlock(number, entity.stateRoot(), entity.dataHash(), hashes, entity.closedAt()));
    }

    private static boolean execute(StateView stored, SignedInteraction signed, BlockContext block, String hash) {
        try {
            StateTransition.apply(stored, signed.interaction(), block);
            return true;
        } catch (TransitionRejection rejection) {
            // Acceptance ran the same transition in the same order: this means a bug, not bad input.
            LOG.severe("interaction " + hash + " accepted but refused in block " + block.blockNumber() + ": "
                    + rejection.getMessage());
            return false;
        }
    }

    /** An organisation acts only for agents it registered (and registers only for itself). */
    private static void requireOwnership(StateView state, Interaction interaction, Set<String> organizations)
            throws Rejection {
        String owner = interaction instanceof Register register ? register.organization()
                : state.find(interaction.signer()).filter(AgentRecord::isRegistered)
                .map(AgentRecord::organization).orElse(null);
        // An unregistered signer is left to the transition, which says so precisely.
        if (owner != null && !organizations.contains(owner)) {
            throw Rejection.foreignAgent(interaction.signer() + " does not belong to your organisation");
        }
    }

    private BlockContext nextBlock() {
        return new BlockContext(blocks.lastNumber() + 1, chain.current());
    }

    private HeadState head() {
        if (head == null) {
            lastSequence = interactions.lastSequence();
            HeadState rebuilt = new HeadState(agents.state());
            BlockContext block = nextBlock();
            for (InteractionEntity entity : interactions.pending()) {
                try {
                    StateTransition.apply(rebuilt, InteractionCodec.decode(entity.encoded()).interaction(), block);
                } catch (TransitionRejection rejection) {
                    LOG.severe("pending interaction " + entity.hash() + " no longer applies: " + rejection.getMessage());
                }
            }
            head = rebuilt;
        }
        return head;
    }

    /** Built once from every stored record; each block then rehashes only the records it wrote. */
    private InteractionTrie trie() {
        if (trie == null) {
            InteractionTrie rebuilt = new InteractionTrie();
            Map<AgentAddress, byte[]> leaves = new HashMap<>();
            agents.all().forEach(record -> leaves.put(record.address(), record.leafHash()));
            rebuilt.apply(leaves);
            trie = rebuilt;
        }
        return trie;
    }

    /** The in-memory head and trie must never run ahead of what was committed. Once per transaction. */
    private void dropDerivedStateUnlessCommitted() {
        if (transactions.getResource(DERIVED_STATE_GUARD) != null) {
            return;
        }
        transactions.putResource(DERIVED_STATE_GUARD, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    head = null;
                    trie = null;
                }
            }
        });
    }
}
