package io.agnt2.sequencer.domain.parallel;

/**
 * The block could not be executed at all (an {@link Error} in a body, the executor refused work, the
 * waiting thread was interrupted). Unlike a task failure this is not part of the deterministic
 * result: nothing of the block may be committed.
 */
public final class BlockExecutionException extends RuntimeException {

    public BlockExecutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
