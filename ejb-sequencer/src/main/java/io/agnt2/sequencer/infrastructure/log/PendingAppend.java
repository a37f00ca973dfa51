package io.agnt2.sequencer.infrastructure.log;

import java.util.concurrent.CompletableFuture;

/**
 * A record accepted by {@link InteractionLog} and waiting in the writer's queue. It has no sequence
 * number yet: the writer thread assigns them, so the order in the file is the order of the
 * numbers without any lock among appenders.
 */
final class PendingAppend {

    final byte type;
    final byte[] body;
    /** For a block marker: the block and the last sequence it covers; unused for interactions. */
    final long blockNumber;
    final long lastSequence;
    final CompletableFuture<Long> ack = new CompletableFuture<>();
    /** Assigned by the writer when the record is encoded into a batch. */
    long sequence;

    private PendingAppend(byte type, byte[] body, long blockNumber, long lastSequence) {
        this.type = type;
        this.body = body;
        this.blockNumber = blockNumber;
        this.lastSequence = lastSequence;
    }

    static PendingAppend interaction(byte[] payload) {
        return new PendingAppend(RecordFormat.TYPE_INTERACTION, payload, 0, 0);
    }

    static PendingAppend blockMarker(long blockNumber, long lastSequence, byte[] stateRoot) {
        return new PendingAppend(RecordFormat.TYPE_BLOCK,
                RecordFormat.blockBody(blockNumber, lastSequence, stateRoot), blockNumber, lastSequence);
    }

    boolean isBlockMarker() {
        return type == RecordFormat.TYPE_BLOCK;
    }

    int frameBytes() {
        return RecordFormat.frameBytes(body.length);
    }
}
