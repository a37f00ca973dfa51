package io.agnt2.sequencer.core;

import io.agnt2.protocol.value.Bytes32;

/**
 * Re-executing a logged block did not reproduce the state root its marker recorded: the checkpoint,
 * the log or the state transition changed since the block was closed. Opening stops here; carrying on
 * would publish a state that contradicts a root already handed to L1.
 */
public final class ReplayMismatchException extends IllegalStateException {

    ReplayMismatchException(long blockNumber, Bytes32 logged, Bytes32 replayed) {
        super("block " + blockNumber + " replays to state root " + replayed + " but its marker records " + logged);
    }
}
