package io.agnt2.settlement.channel;

import io.agnt2.protocol.interaction.BridgedInteraction;
import io.agnt2.protocol.interaction.L1EventPosition;
import io.agnt2.settlement.infrastructure.l1.channel.AdjudicatorEvent;
import io.agnt2.settlement.infrastructure.l1.channel.AdjudicatorEvents;

import java.util.List;
import java.util.Objects;

/**
 * Follows the adjudicator's events into the rollup, a range of L1 blocks per pass. The rollup itself
 * holds the cursor (the adjudicator's record: decision 0014), so a restarted server goes on from the
 * newest event the rollup accepted, and an event read twice is refused there, never counted twice.
 * This object only remembers, for speed, how far it has already scanned blocks without events.
 */
public final class ChannelEventFollower {

    /** How the rollup takes an event. */
    public interface RollupInbox {
        /** The L1 position of the newest event the rollup accepted, 0 for none. */
        long cursor();

        /**
         * @return true once the event is durable in the rollup; false if the rollup refused it (it changed
         *         nothing, and saying why is the inbox's job): the follower goes on with the next event
         * @throws Exception if the rollup could not take it now; the pass stops and the next one retries
         */
        boolean accept(BridgedInteraction event) throws Exception;
    }

    /** What one pass did. */
    public record Pass(long fromBlock, long toBlock, int recorded, int refused) {
    }

    private final AdjudicatorEvents l1;
    private final ChannelEventTranslation translation;
    private final RollupInbox rollup;
    private final int confirmations;
    private final int maxBlocksPerPass;
    private long scannedTo = -1;

    /**
     * @param confirmations    blocks to stay behind L1's head, so that a reorganised block is never recorded
     *                         (0 on a development chain that never reorganises)
     * @param maxBlocksPerPass bound on one {@code eth_getLogs} range
     */
    public ChannelEventFollower(AdjudicatorEvents l1, ChannelEventTranslation translation, RollupInbox rollup,
                                int confirmations, int maxBlocksPerPass) {
        this.l1 = Objects.requireNonNull(l1, "l1");
        this.translation = Objects.requireNonNull(translation, "translation");
        this.rollup = Objects.requireNonNull(rollup, "rollup");
        if (confirmations < 0 || maxBlocksPerPass < 1) {
            throw new IllegalArgumentException("confirmations must be >= 0 and maxBlocksPerPass >= 1");
        }
        this.confirmations = confirmations;
        this.maxBlocksPerPass = maxBlocksPerPass;
    }

    /**
     * Records the channel events of the next range of settled L1 blocks.
     *
     * @throws Exception if L1 or the rollup failed; the next pass starts again after the last event the
     *                   rollup accepted
     */
    public Pass followOnce() throws Exception {
        long cursor = rollup.cursor();
        long fromBlock = Math.max(L1EventPosition.blockNumber(cursor), scannedTo + 1);
        long settled = l1.latestBlock() - confirmations;
        if (settled < fromBlock) {
            return new Pass(fromBlock, settled, 0, 0);
        }
        long toBlock = Math.min(settled, fromBlock + maxBlocksPerPass - 1);
        int recorded = 0;
        int refused = 0;
        for (AdjudicatorEvent event : l1.between(fromBlock, toBlock)) {
            if (event.position() <= cursor) {
                continue; // already in the rollup: the block of the cursor is read again
            }
            List<AdjudicatorEvent> history = ChannelEventTranslation.needsHistory(event)
                    ? l1.history(event.channelId(), L1EventPosition.blockNumber(event.position())) : List.of();
            var bridged = translation.translate(event, history);
            if (bridged.isPresent()) {
                if (rollup.accept(bridged.get())) {
                    recorded++;
                } else {
                    refused++; // a later event moves the cursor past it; it cannot block the bridge
                }
            }
        }
        scannedTo = toBlock;
        return new Pass(fromBlock, toBlock, recorded, refused);
    }
}
