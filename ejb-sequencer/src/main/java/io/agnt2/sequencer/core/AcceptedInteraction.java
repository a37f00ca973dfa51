package io.agnt2.sequencer.core;

import io.agnt2.protocol.execution.Receipt;
import io.agnt2.protocol.value.Bytes32;

/**
 * An interaction the core accepted and made durable: it will be in the next block closed.
 *
 * @param hash        its EIP-712 digest
 * @param sequence    its position in the interaction log
 * @param softReceipt what executing it against the head produced; the block's receipt is the final one
 *                    (they agree unless a crash moved the interaction into an earlier-numbered block)
 */
public record AcceptedInteraction(Bytes32 hash, long sequence, Receipt softReceipt) {
}
