package io.agnt2.sequencer.core;

/**
 * The block is closed (its marker is durable, the committed state moved) but the listener failed: the
 * caller has the block here to publish again. The core does not retry, since it cannot know what the
 * listener did before failing.
 */
public final class BlockPublicationException extends RuntimeException {

    private final transient ClosedBlock block;

    BlockPublicationException(ClosedBlock block, Throwable cause) {
        super("block " + block.number() + " closed but its listener failed", cause);
        this.block = block;
    }

    public ClosedBlock block() {
        return block;
    }
}
