package io.agnt2.sequencer.core;

import io.agnt2.protocol.codec.InteractionCodec;
import io.agnt2.protocol.execution.BlockContext;
import io.agnt2.protocol.execution.TransitionParameters;
import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.sequencer.infrastructure.log.InteractionLog;
import io.agnt2.sequencer.infrastructure.log.LogRecord;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings the committed state from a checkpoint up to the end of the log. Every block marker after the
 * checkpoint's block is re-executed from the interactions it claims (those up to its last sequence that
 * no earlier marker claimed: interactions accepted while a block was closing sit before its marker in
 * the log but belong to the next block) and must reproduce the marker's root. The interactions after
 * the last marker were acknowledged, so they become pending again, for the next block.
 *
 * <p>Nothing is applied twice: replay starts after the checkpoint's last sequence, and markers of
 * blocks the checkpoint already holds claim nothing.
 */
final class CoreRecovery {

    /** What replay leaves for the head. */
    record Replayed(List<ClosedBlock> recentBlocks, List<PendingInteraction> pending, int blocks) {
    }

    private final CommittedState committed;
    private final BlockProducer producer;
    private final TransitionParameters parameters;
    private final BlockListener listener;
    private final int recentBlocksKept;

    CoreRecovery(CommittedState committed, BlockProducer producer, TransitionParameters parameters,
                 BlockListener listener, int recentBlocksKept) {
        this.committed = committed;
        this.producer = producer;
        this.parameters = parameters;
        this.listener = listener;
        this.recentBlocksKept = recentBlocksKept;
    }

    Replayed replay(InteractionLog log) throws IOException {
        long from = committed.lastSequence() + 1;
        if (log.lastSequence() < committed.lastSequence()) {
            throw new IllegalStateException("the checkpoint of block " + committed.blockNumber() + " reflects log sequence "
                    + committed.lastSequence() + " but the log in " + log.directory() + " ends at " + log.lastSequence());
        }
        ArrayDeque<LogRecord.Interaction> unclaimed = new ArrayDeque<>();
        ArrayDeque<ClosedBlock> recent = new ArrayDeque<>();
        int[] blocks = {0};
        log.replay(from, record -> {
            switch (record) {
                case LogRecord.Interaction interaction -> unclaimed.addLast(interaction);
                case LogRecord.BlockMarker marker -> {
                    if (marker.blockNumber() > committed.blockNumber()) {
                        recent.addLast(replayBlock(marker, claim(unclaimed, marker.lastSequence())));
                        if (recent.size() > recentBlocksKept) {
                            recent.removeFirst();
                        }
                        blocks[0]++;
                    } else if (marker.lastSequence() > committed.lastSequence()) {
                        throw new IllegalStateException("block " + marker.blockNumber() + " ends at sequence "
                                + marker.lastSequence() + ", after the checkpoint of block " + committed.blockNumber()
                                + " at " + committed.lastSequence());
                    }
                }
            }
        });
        return new Replayed(new ArrayList<>(recent), claim(unclaimed, Long.MAX_VALUE), blocks[0]);
    }

    private ClosedBlock replayBlock(LogRecord.BlockMarker marker, List<PendingInteraction> interactions) {
        PreparedBlock prepared = producer.prepare(new BlockContext(marker.blockNumber(), parameters), interactions,
                marker.lastSequence(), 0);
        Bytes32 logged = Bytes32.of(marker.stateRoot());
        if (!prepared.stateRoot().equals(logged)) {
            throw new ReplayMismatchException(marker.blockNumber(), logged, prepared.stateRoot());
        }
        ClosedBlock block = producer.commit(prepared, 0, true);
        try {
            listener.blockClosed(block);
        } catch (Exception e) {
            throw new BlockPublicationException(block, e);
        }
        return block;
    }

    private List<PendingInteraction> claim(ArrayDeque<LogRecord.Interaction> unclaimed, long throughSequence) {
        List<PendingInteraction> claimed = new ArrayList<>();
        while (!unclaimed.isEmpty() && unclaimed.peekFirst().sequence() <= throughSequence) {
            LogRecord.Interaction record = unclaimed.removeFirst();
            SignedInteraction signed;
            try {
                signed = InteractionCodec.decode(record.payload());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("log record " + record.sequence() + " is not a signed interaction", e);
            }
            claimed.add(PendingInteraction.replayed(signed, parameters.domain(), record.sequence()));
        }
        return claimed;
    }
}
