package io.agnt2.sequencer.core;

import io.agnt2.protocol.value.Bytes32;

import java.util.List;

/**
 * A block executed and hashed into the trie, waiting for its marker to become durable before the
 * committed records change and it is published.
 *
 * @param number       its block number
 * @param interactions its interactions in order
 * @param executed     receipts and changed records
 * @param stateRoot    the trie's root with its changes
 * @param lastSequence the log sequence of its last interaction
 * @param timings      durable wait, execution, leaf hashing and trie update so far
 */
record PreparedBlock(long number, List<PendingInteraction> interactions, ExecutedBlock executed, Bytes32 stateRoot,
                     long lastSequence, BlockTimings timings) {
}
