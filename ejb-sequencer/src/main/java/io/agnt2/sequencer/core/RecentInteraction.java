package io.agnt2.sequencer.core;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.interaction.Kind;
import io.agnt2.protocol.value.Bytes32;

/**
 * A recently accepted interaction as the core knows it, without the database: the submitter's soft
 * confirmation and look-ups of the newest interactions are answered from this.
 *
 * @param blockNumber the block that holds it, or will once it closes ({@link Status#PENDING})
 */
public record RecentInteraction(Bytes32 hash, Kind kind, AgentAddress signer, long blockNumber, Status status) {

    public enum Status {
        /** Accepted and durable; its block has not closed yet. */
        PENDING,
        /** Executed in a closed block. */
        INCLUDED,
        /** In a closed block, refused by the rules there (the head and the block disagreed; never expected). */
        FAILED
    }
}
