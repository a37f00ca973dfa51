package io.agnt2.sequencer.core;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.execution.Delta;
import io.agnt2.protocol.execution.StateView;
import io.agnt2.protocol.state.AgentRecord;
import io.agnt2.sequencer.domain.parallel.TaskContext;

import java.util.Optional;

/**
 * The protocol's {@link StateView} over one task's context in the parallel executor, so that block
 * execution runs the very same {@code StateTransition} as acceptance. The transition only reaches this
 * view when it commits (it holds its own changes back until it has succeeded), so a refused interaction
 * stages nothing here.
 */
final class TaskStateView implements StateView {

    private final TaskContext<AgentAddress, AgentRecord, RecordDelta> context;

    TaskStateView(TaskContext<AgentAddress, AgentRecord, RecordDelta> context) {
        this.context = context;
    }

    @Override
    public Optional<AgentRecord> find(AgentAddress agent) {
        return Optional.ofNullable(context.read(agent));
    }

    @Override
    public void put(AgentRecord record) {
        context.write(record.address(), record);
    }

    @Override
    public void apply(Delta delta) {
        context.delta(delta.agent(), RecordDelta.of(delta));
    }
}
