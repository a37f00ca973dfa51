package io.agnt2.sequencer.application;

import io.agnt2.protocol.value.Bytes32;
import io.agnt2.sequencer.core.ClosedBlock;
import io.agnt2.sequencer.infrastructure.persistence.BlockRecorder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.logging.Logger;

/**
 * What follows a block's close: its submitters hear of it at once (the block feed: soft confirmations,
 * the block stream), then it goes to the database (look-ups of older interactions, the explorer, the
 * settlement outbox). The durable log is the commit point, so the database may lag: look-ups of recent
 * interactions come from the core. A block the database refused stays here and is retried, in order,
 * before the next one; the log may not drop it (no checkpoint) until it is recorded.
 */
@ApplicationScoped
public class BlockRecording {

    private static final Logger LOG = Logger.getLogger(BlockRecording.class.getName());

    @Inject
    BlockFeed feed;
    @Inject
    BlockRecorder recorder;
    @Inject
    BlockCloseTimings timings;

    private final Deque<ClosedBlock> unrecorded = new ConcurrentLinkedDeque<>();

    /**
     * The core's listener, on the thread that closed the block (or replayed it at start): tells the
     * submitters, and leaves the database to {@link BlockFollowUp}'s thread ({@link #recordOutstanding}).
     */
    void closed(ClosedBlock block) {
        long start = System.nanoTime();
        feed.publish(new io.agnt2.sequencer.application.ClosedBlock(block.number(), block.stateRoot().toString(),
                block.dataHash().toString(), block.interactionHashes().stream().map(Bytes32::toString).toList(),
                Instant.now()));
        unrecorded.addLast(block);
        timings.closed(block, System.nanoTime() - start);
    }

    /** Called by one thread at a time ({@link BlockFollowUp}'s). @return true when every closed block is in the database */
    boolean recordOutstanding() {
        ClosedBlock next;
        while ((next = unrecorded.peekFirst()) != null) {
            try {
                recorder.record(next);
            } catch (RuntimeException e) {
                LOG.warning("block " + next.number() + " is not in the database yet (" + unrecorded.size()
                        + " waiting), will retry: " + e.getMessage());
                return false;
            }
            unrecorded.removeFirst();
        }
        return true;
    }
}
