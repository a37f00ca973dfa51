package io.agnt2.protocol.interaction;

/**
 * Where an L1 event sits in the chain, as one number that orders events as L1 did:
 * {@code blockNumber * 2^20 + logIndex}. Bridged channel interactions carry it, and the adjudicator's
 * record in the trie keeps the newest one applied, so an event is applied once, in L1 order, however
 * often the bridge re-reads it (after a restart, say).
 */
public final class L1EventPosition {

    /** A block holds far fewer than 2^20 logs (a 30M-gas block fits under 8,000 of the cheapest). */
    public static final int LOG_INDEX_BITS = 20;
    private static final long MAX_BLOCK = (1L << (63 - LOG_INDEX_BITS)) - 1;

    private L1EventPosition() {
    }

    public static long of(long blockNumber, long logIndex) {
        if (blockNumber < 0 || blockNumber > MAX_BLOCK) {
            throw new IllegalArgumentException("L1 block number out of range: " + blockNumber);
        }
        if (logIndex < 0 || logIndex >= 1L << LOG_INDEX_BITS) {
            throw new IllegalArgumentException("L1 log index out of range: " + logIndex);
        }
        return blockNumber << LOG_INDEX_BITS | logIndex;
    }

    public static long blockNumber(long position) {
        return position >>> LOG_INDEX_BITS;
    }

    public static long logIndex(long position) {
        return position & ((1L << LOG_INDEX_BITS) - 1);
    }
}
