package io.agnt2.sequencer.core;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.execution.Delta;
import io.agnt2.protocol.execution.StateView;
import io.agnt2.protocol.state.AgentRecord;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One acceptance's changes over the head, held until the log has taken the interaction: if the append
 * is refused (queue full, log closed) the head stays as it was, with nothing to undo.
 */
final class HeadStaging implements StateView {

    private final Map<AgentAddress, AgentRecord> head;
    private final Map<AgentAddress, AgentRecord> staged = new HashMap<>(4);

    HeadStaging(Map<AgentAddress, AgentRecord> head) {
        this.head = head;
    }

    @Override
    public Optional<AgentRecord> find(AgentAddress agent) {
        AgentRecord record = staged.get(agent);
        return Optional.ofNullable(record != null ? record : head.get(agent));
    }

    @Override
    public void put(AgentRecord record) {
        staged.put(record.address(), record);
    }

    /** The head is sequential: a delta is simply applied. */
    @Override
    public void apply(Delta delta) {
        staged.put(delta.agent(), delta.applyTo(find(delta.agent()).orElse(null)));
    }

    void commit() {
        head.putAll(staged);
    }
}
