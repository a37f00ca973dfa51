package io.agnt2.sequencer.core;

import io.agnt2.protocol.value.Bytes32;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The hashes of the pending interactions and of those in the last few blocks, so that a client's retry
 * of an interaction already accepted is refused as a duplicate rather than as a nonce mismatch. It is
 * bounded on purpose: beyond the window the nonce refuses a replay anyway (every agent-signed kind
 * consumes one), and a set of every hash ever accepted would grow by ~5 MB per second at full load.
 * DEPOSITs consume no nonce; the bridge's deposit index, checked by the L1 contract, keeps those unique.
 * Guarded by the head's lock.
 */
final class DuplicateWindow {

    private final int blocks;
    private final Set<Bytes32> hashes = new HashSet<>();
    private final ArrayDeque<List<Bytes32>> sealed = new ArrayDeque<>();
    private List<Bytes32> open = new ArrayList<>();

    /** @param blocks how many closed blocks' hashes to keep besides the pending ones */
    DuplicateWindow(int blocks) {
        if (blocks < 0) {
            throw new IllegalArgumentException("duplicate window of " + blocks + " blocks");
        }
        this.blocks = blocks;
    }

    boolean contains(Bytes32 hash) {
        return hashes.contains(hash);
    }

    void add(Bytes32 hash) {
        hashes.add(hash);
        open.add(hash);
    }

    /** The hashes added since the last call now belong to a block; the oldest block beyond the window goes. */
    void seal() {
        sealed.addLast(open);
        open = new ArrayList<>();
        while (sealed.size() > blocks) {
            sealed.removeFirst().forEach(hashes::remove);
        }
    }
}
