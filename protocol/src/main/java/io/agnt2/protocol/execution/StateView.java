package io.agnt2.protocol.execution;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.state.AgentRecord;

import java.util.Optional;

/**
 * The agent records a {@link StateTransition} runs against: the sequencer's ledger, a block's pending
 * changes, or the L1 challenger's records proven against a state root.
 */
public interface StateView {

    Optional<AgentRecord> find(AgentAddress agent);

    /** Replaces the record of {@code record.address()}. */
    void put(AgentRecord record);

    /** Applies a commutative change without reading the record. */
    void apply(Delta delta);
}
