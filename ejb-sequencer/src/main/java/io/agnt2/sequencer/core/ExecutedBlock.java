package io.agnt2.sequencer.core;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.execution.Receipt;
import io.agnt2.protocol.state.AgentRecord;

import java.util.List;
import java.util.Map;

/**
 * A block's interactions executed against the committed state, not yet committed.
 *
 * @param receipts one per interaction, in block order
 * @param changes  the new record of every agent the block changed
 */
record ExecutedBlock(List<Receipt> receipts, Map<AgentAddress, AgentRecord> changes) {
}
