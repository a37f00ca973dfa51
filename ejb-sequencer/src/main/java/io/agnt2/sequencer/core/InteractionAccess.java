package io.agnt2.sequencer.core;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.execution.PreparedInteraction;
import io.agnt2.sequencer.domain.parallel.KeyAccess;

/**
 * Translates the protocol's declaration of the records an interaction touches (decision 0005) into the
 * scheduler's generic one. The two agree on the conflict rule: reads commute with reads, deltas with
 * deltas, a write with nothing; a record both written and credited (RESPOND's callee) is a write.
 */
final class InteractionAccess {

    private InteractionAccess() {
    }

    static KeyAccess<AgentAddress> of(PreparedInteraction prepared) {
        io.agnt2.protocol.execution.KeyAccess declared = prepared.access();
        return new KeyAccess<>(declared.reads(), declared.writes(), declared.deltas());
    }
}
