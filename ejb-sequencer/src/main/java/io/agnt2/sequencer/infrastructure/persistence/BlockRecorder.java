package io.agnt2.sequencer.infrastructure.persistence;

import io.agnt2.protocol.codec.InteractionCodec;
import io.agnt2.protocol.execution.Receipt;
import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.sequencer.core.ClosedBlock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Writes each block the core closes to the database: the block (into the settlement outbox) and its
 * interactions with their outcome, for the explorer API. A block replayed from the log after a
 * restart is already there and is left alone.
 */
@ApplicationScoped
public class BlockRecorder {

    /** Interactions per block are fewer than this, so (block, index) orders them in one number. */
    private static final int POSITION_BITS = 24;

    @Inject
    BlockStore blocks;
    @Inject
    InteractionStore interactions;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(ClosedBlock block) {
        if (blocks.find(block.number()).isPresent()) {
            return;
        }
        List<SignedInteraction> included = block.interactions();
        for (int i = 0; i < included.size(); i++) {
            SignedInteraction signed = included.get(i);
            Receipt receipt = block.receipts().get(i);
            InteractionEntity entity = new InteractionEntity(block.interactionHashes().get(i).toString(),
                    (block.number() << POSITION_BITS) | i, signed.interaction().kind().name(),
                    signed.interaction().signer().toString(), InteractionCodec.encode(signed));
            entity.include(block.number(), receipt.succeeded());
            interactions.add(entity);
        }
        blocks.add(new BlockEntity(block.number(), block.stateRoot().toString(), block.dataHash().toString(),
                included.size()));
    }
}
