package io.agnt2.sequencer.application;

import io.agnt2.protocol.codec.BatchCodec;
import io.agnt2.protocol.codec.InteractionCodec;
import io.agnt2.protocol.Hex;
import io.agnt2.protocol.interaction.Interaction;
import io.agnt2.protocol.interaction.Register;
import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.interaction.Transfer;
import io.agnt2.protocol.state.AgentRecord;
import io.agnt2.protocol.state.StateRoot;
import io.agnt2.sequencer.domain.HeadLedger;
import io.agnt2.sequencer.domain.InteractionRules;
import io.agnt2.sequencer.domain.Ledger;
import io.agnt2.sequencer.domain.Rejection;
import io.agnt2.sequencer.infrastructure.persistence.AgentStore;
import io.agnt2.sequencer.infrastructure.persistence.BlockEntity;
import io.agnt2.sequencer.infrastructure.persistence.BlockStore;
import io.agnt2.sequencer.infrastructure.persistence.InteractionEntity;
import io.agnt2.sequencer.infrastructure.persistence.InteractionStore;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import static io.agnt2.sequencer.domain.Rejection.Reason.DUPLICATE;
import static io.agnt2.sequencer.domain.Rejection.Reason.FOREIGN_AGENT;

/**
 * The one sequencer: it gives every accepted interaction its place in the order and closes blocks.
 * Acceptance and block closing are serialised by the singleton's write lock, so the head state that
 * acceptance checks against is exactly what the next block will execute.
 */
@Singleton
@Lock(LockType.WRITE)
public class InteractionSequencer {

    private static final Logger LOG = Logger.getLogger(InteractionSequencer.class.getName());
    private static final Object HEAD_GUARD = new Object();

    @Inject
    InteractionRules rules;
    @Inject
    AgentStore agents;
    @Inject
    InteractionStore interactions;
    @Inject
    BlockStore blocks;
    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Built lazily from the store, dropped whenever a transaction of ours rolls back or a block closes. */
    private HeadLedger head;
    private long lastSequence;

    /**
     * Accepts a signed interaction whose signature the caller has checked, for an organisation the
     * caller has authenticated. Durable when this returns: the interaction is stored as pending.
     */
    public void accept(Submission submission, Set<String> organizations) throws Rejection {
        acceptOne(head(), submission, organizations);
    }

    /**
     * Accepts each submission on its own merits, in order, in one transaction: a refused one does not
     * stop the others, and later ones see the effect of earlier ones (a batch may pay and pay again).
     */
    public List<Acceptance> acceptAll(List<Submission> submissions, Set<String> organizations) {
        HeadLedger ledger = head();
        List<Acceptance> outcomes = new ArrayList<>(submissions.size());
        for (Submission submission : submissions) {
            try {
                acceptOne(ledger, submission, organizations);
                outcomes.add(Acceptance.accepted(submission.hash()));
            } catch (Rejection rejection) {
                outcomes.add(new Acceptance(submission.hash(), rejection));
            }
        }
        return outcomes;
    }

    private void acceptOne(HeadLedger ledger, Submission submission, Set<String> organizations) throws Rejection {
        if (interactions.find(submission.hash()).isPresent()) {
            throw new Rejection(DUPLICATE, "interaction " + submission.hash() + " was already accepted");
        }
        Interaction interaction = submission.signed().interaction();
        requireOwnership(ledger, interaction, organizations);
        dropHeadUnlessCommitted();
        rules.apply(ledger, interaction);
        interactions.add(new InteractionEntity(submission.hash(), ++lastSequence, interaction.kind().name(),
                interaction.signer().toString(), InteractionCodec.encode(submission.signed())));
    }

    /** Executes every pending interaction, in order, into a new block. Empty when none is pending. */
    public Optional<ClosedBlock> closeBlock() {
        List<InteractionEntity> pending = interactions.pending();
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        dropHeadUnlessCommitted();
        head = null; // after this block the stored records are the head
        long number = blocks.lastNumber() + 1;
        Ledger stored = agents.ledger();
        List<SignedInteraction> executed = new ArrayList<>(pending.size());
        List<String> hashes = new ArrayList<>(pending.size());
        for (InteractionEntity entity : pending) {
            hashes.add(entity.hash());
            SignedInteraction signed = InteractionCodec.decode(entity.encoded());
            executed.add(signed);
            interactions.include(entity, number, execute(stored, signed, entity.hash()));
        }
        List<AgentRecord> records = agents.all();
        BlockEntity block = new BlockEntity(number, Hex.encode(StateRoot.of(records)),
                Hex.encode(BatchCodec.dataHash(executed)), executed.size());
        blocks.add(block);
        return Optional.of(new ClosedBlock(number, block.stateRoot(), block.dataHash(), hashes, block.closedAt()));
    }

    private boolean execute(Ledger stored, SignedInteraction signed, String hash) {
        try {
            rules.apply(stored, signed.interaction());
            return true;
        } catch (Rejection rejection) {
            // Acceptance checked the same rules against the same order: this means a bug, not bad input.
            LOG.severe("interaction " + hash + " accepted but refused in its block: " + rejection.getMessage());
            return false;
        }
    }

    private static void requireOwnership(Ledger ledger, Interaction interaction, Set<String> organizations)
            throws Rejection {
        String owner = switch (interaction) {
            case Register register -> register.organization();
            case Transfer transfer -> ledger.find(transfer.from()).map(AgentRecord::organization).orElse(null);
            default -> throw new Rejection(Rejection.Reason.INVALID_INTERACTION,
                    interaction.kind() + " is not supported yet");
        };
        // An unknown signer is left to the rules, which say so precisely.
        if (owner != null && !organizations.contains(owner)) {
            throw new Rejection(FOREIGN_AGENT, interaction.signer() + " does not belong to your organisation");
        }
    }

    private HeadLedger head() {
        if (head == null) {
            lastSequence = interactions.lastSequence();
            HeadLedger rebuilt = new HeadLedger(agents.ledger());
            for (InteractionEntity entity : interactions.pending()) {
                try {
                    rules.apply(rebuilt, InteractionCodec.decode(entity.encoded()).interaction());
                } catch (Rejection rejection) {
                    LOG.severe("pending interaction " + entity.hash() + " no longer applies: " + rejection.getMessage());
                }
            }
            head = rebuilt;
        }
        return head;
    }

    /** The in-memory head must never run ahead of what was committed. Registered once per transaction. */
    private void dropHeadUnlessCommitted() {
        if (transactions.getResource(HEAD_GUARD) != null) {
            return;
        }
        transactions.putResource(HEAD_GUARD, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    head = null;
                }
            }
        });
    }
}
