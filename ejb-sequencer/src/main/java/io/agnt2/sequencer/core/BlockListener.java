package io.agnt2.sequencer.core;

/**
 * Receives each block once its marker is durable, on the thread that closed it (or that opened the
 * core, for {@link ClosedBlock#replayed() replayed} blocks), in block order. It should be quick (hand
 * the block to an outbox or a queue): the next block cannot close until it returns.
 */
@FunctionalInterface
public interface BlockListener {

    BlockListener NONE = block -> { };

    void blockClosed(ClosedBlock block) throws Exception;
}
