package io.agnt2.sequencer.domain;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.execution.Delta;
import io.agnt2.protocol.execution.StateView;
import io.agnt2.protocol.state.AgentRecord;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The head state: stored records plus the effect of every accepted interaction not yet in a block.
 * Writes stay in memory; reads fall through to the stored state for untouched agents. Acceptance
 * runs the state transition against it, so what is accepted is what the next block will execute.
 */
public final class HeadState implements StateView {

    private final StateView stored;
    private final Map<AgentAddress, AgentRecord> touched = new HashMap<>();

    public HeadState(StateView stored) {
        this.stored = stored;
    }

    @Override
    public Optional<AgentRecord> find(AgentAddress address) {
        AgentRecord record = touched.get(address);
        return record != null ? Optional.of(record) : stored.find(address);
    }

    @Override
    public void put(AgentRecord record) {
        touched.put(record.address(), record);
    }

    @Override
    public void apply(Delta delta) {
        put(delta.applyTo(find(delta.agent()).orElse(null)));
    }
}
