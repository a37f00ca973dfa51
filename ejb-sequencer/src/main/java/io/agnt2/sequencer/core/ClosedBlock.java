package io.agnt2.sequencer.core;

import io.agnt2.protocol.execution.Receipt;
import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.value.Bytes32;

import java.util.List;
import java.util.Objects;

/**
 * A block whose marker is on stable storage: what the core publishes.
 *
 * @param number            consecutive from 1
 * @param stateRoot         the interaction trie's root after the block (decision 0004)
 * @param receiptsRoot      see {@link ReceiptEncoding}
 * @param dataHash          {@code BatchCodec.dataHash} of the block's interactions, as posted to L1
 * @param batch             the {@code BatchCodec} encoding of the interactions that {@code dataHash} hashes:
 *                          what settlement posts, encoded once here for every consumer
 * @param lastSequence      the log sequence of its last interaction (what its marker records)
 * @param interactionHashes the included interactions' hashes, in execution order
 * @param interactions      the included interactions themselves, in the same order
 * @param receipts          one per interaction, same order
 * @param replayed          true when recovery re-executed it from the log: it may have been published
 *                          before the crash, so a consumer keeps the first copy of each number
 * @param timings           where closing it spent its time ({@link BlockTimings#NONE} when replayed)
 */
public record ClosedBlock(long number, Bytes32 stateRoot, Bytes32 receiptsRoot, Bytes32 dataHash, byte[] batch,
                          long lastSequence,
                          List<Bytes32> interactionHashes, List<SignedInteraction> interactions,
                          List<Receipt> receipts, boolean replayed,
                          BlockTimings timings) {

    public ClosedBlock {
        Objects.requireNonNull(stateRoot, "stateRoot");
        Objects.requireNonNull(receiptsRoot, "receiptsRoot");
        Objects.requireNonNull(dataHash, "dataHash");
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(timings, "timings");
        interactionHashes = List.copyOf(interactionHashes);
        interactions = List.copyOf(interactions);
        receipts = List.copyOf(receipts);
        if (interactionHashes.size() != receipts.size()) {
            throw new IllegalArgumentException(interactionHashes.size() + " interactions but " + receipts.size()
                    + " receipts");
        }
    }

    public int size() {
        return receipts.size();
    }
}
