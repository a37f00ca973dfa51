package io.agnt2.sequencer.core;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.interaction.Kind;
import io.agnt2.protocol.value.Bytes32;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The interactions accepted recently (pending, or in one of the last few blocks) with the block that
 * holds or will hold each. It answers two questions without the database: is a submission a duplicate
 * of one already accepted (so a client's retry is refused as such rather than as a nonce mismatch), and
 * where is a recent interaction (the submitter's soft confirmation and its look-ups).
 *
 * <p>It is bounded on purpose: beyond the window the nonce refuses a replay anyway (every agent-signed
 * kind consumes one), the database answers look-ups, and a map of every interaction ever accepted would
 * grow by megabytes per second at full load. DEPOSITs consume no nonce; the bridge's deposit index,
 * checked by the L1 contract, keeps those unique. Guarded by the head's lock.
 */
final class RecentInteractions {

    /** Where one interaction is: the block that holds (or will hold) it, its kind and signer. */
    record Placement(long blockNumber, Kind kind, AgentAddress signer) {
    }

    private final int blocks;
    private final Map<Bytes32, Placement> placements = new HashMap<>();
    /** Interactions that a block executed as failed (head and block disagreed; never expected). Usually empty. */
    private final Set<Bytes32> failed = new HashSet<>();
    private final ArrayDeque<List<Bytes32>> sealed = new ArrayDeque<>();
    private List<Bytes32> open = new ArrayList<>();

    /** @param blocks how many closed blocks' interactions to keep besides the pending ones */
    RecentInteractions(int blocks) {
        if (blocks < 0) {
            throw new IllegalArgumentException("window of " + blocks + " blocks");
        }
        this.blocks = blocks;
    }

    boolean contains(Bytes32 hash) {
        return placements.containsKey(hash);
    }

    Optional<Placement> find(Bytes32 hash) {
        return Optional.ofNullable(placements.get(hash));
    }

    boolean failed(Bytes32 hash) {
        return failed.contains(hash);
    }

    void add(Bytes32 hash, Placement placement) {
        placements.put(hash, placement);
        open.add(hash);
    }

    void markFailed(Bytes32 hash) {
        if (placements.containsKey(hash)) {
            failed.add(hash);
        }
    }

    /** The interactions added since the last call now belong to a block; the oldest block beyond the window goes. */
    void seal() {
        sealed.addLast(open);
        open = new ArrayList<>();
        while (sealed.size() > blocks) {
            for (Bytes32 hash : sealed.removeFirst()) {
                placements.remove(hash);
                failed.remove(hash);
            }
        }
    }
}
