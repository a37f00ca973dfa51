package io.agnt2.sequencer.core;

import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.value.Bytes32;

import java.util.concurrent.CompletableFuture;

/**
 * An accepted interaction that no block holds yet: applied to the head, appended to the log.
 *
 * @param hash    its EIP-712 digest, its id
 * @param signed  what the client signed
 * @param durable completes with its log sequence number once it is on stable storage
 */
record PendingInteraction(Bytes32 hash, SignedInteraction signed, CompletableFuture<Long> durable) {

    /** One that recovery found in the log: durable already. */
    static PendingInteraction replayed(Bytes32 hash, SignedInteraction signed, long sequence) {
        return new PendingInteraction(hash, signed, CompletableFuture.completedFuture(sequence));
    }
}
