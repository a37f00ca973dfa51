package io.agnt2.sequencer.core;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.eip712.Eip712Domain;
import io.agnt2.protocol.execution.PreparedInteraction;
import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.sequencer.domain.parallel.KeyAccess;

import java.util.concurrent.CompletableFuture;

/**
 * An accepted interaction that no block holds yet: applied to the head, appended to the log.
 *
 * @param signed   what the client signed
 * @param prepared its digest (its id) and access declaration, computed once at acceptance (outside the
 *                 head's lock) and reused by the head, the block and the scheduler
 * @param access   the same declaration as the scheduler's key access
 * @param durable  completes with its log sequence number once it is on stable storage
 */
record PendingInteraction(SignedInteraction signed, PreparedInteraction prepared, KeyAccess<AgentAddress> access,
                          CompletableFuture<Long> durable) {

    /** Its EIP-712 digest, its id. */
    Bytes32 hash() {
        return prepared.digest();
    }

    /** One that recovery found in the log: durable already. */
    static PendingInteraction replayed(SignedInteraction signed, Eip712Domain domain, long sequence) {
        PreparedInteraction prepared = PreparedInteraction.of(signed.interaction(), domain);
        return new PendingInteraction(signed, prepared, InteractionAccess.of(prepared),
                CompletableFuture.completedFuture(sequence));
    }
}
