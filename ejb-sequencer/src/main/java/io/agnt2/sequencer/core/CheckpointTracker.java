package io.agnt2.sequencer.core;

import io.agnt2.protocol.agent.AgentAddress;

import java.util.HashSet;
import java.util.Set;

/**
 * Which agents' records a checkpoint must carry. Blocks mark agents dirty; handing out a checkpoint
 * moves them to "in flight"; only the sink's confirmation of the newest checkpoint handed out forgets
 * them. A checkpoint that is never confirmed (the sink failed) is thus covered by the next one, which
 * carries its agents too. Guarded by the core's block lock.
 */
final class CheckpointTracker {

    private Set<AgentAddress> dirty = new HashSet<>();
    private final Set<AgentAddress> inFlight = new HashSet<>();
    private long handedOutBlock = -1;

    void changed(Set<AgentAddress> agents) {
        dirty.addAll(agents);
    }

    /** The agents the next checkpoint (of {@code blockNumber}) must carry. */
    Set<AgentAddress> handOut(long blockNumber) {
        inFlight.addAll(dirty);
        dirty = new HashSet<>();
        handedOutBlock = blockNumber;
        return Set.copyOf(inFlight);
    }

    /** The sink stored the checkpoint of {@code blockNumber}. */
    void confirmed(long blockNumber) {
        if (blockNumber == handedOutBlock) {
            inFlight.clear();
        }
    }

    int pendingAgents() {
        return dirty.size() + inFlight.size();
    }
}
