package io.agnt2.protocol.execution;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.state.AgentRecord;

import java.util.Objects;
import java.util.Optional;

/**
 * Lets a rule touch only what its interaction declared: any other read, write or delta throws
 * {@link UndeclaredKeyAccess}, so a rule can never run with a wider effect than the scheduler assumed
 * when it put the interaction in parallel with others. A delta-only key cannot be read or replaced,
 * since either would make the result depend on the order of the deltas.
 */
public final class EnforcingStateView implements StateView {

    private final StateView delegate;
    private final KeyAccess declared;

    public EnforcingStateView(StateView delegate, KeyAccess declared) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.declared = Objects.requireNonNull(declared, "declared");
    }

    @Override
    public Optional<AgentRecord> find(AgentAddress agent) {
        if (!declared.mayRead(agent)) {
            throw violation("read", agent);
        }
        return delegate.find(agent);
    }

    @Override
    public void put(AgentRecord record) {
        if (!declared.mayWrite(record.address())) {
            throw violation("write", record.address());
        }
        delegate.put(record);
    }

    @Override
    public void apply(Delta delta) {
        if (!declared.mayReceiveDelta(delta.agent())) {
            throw violation("delta to", delta.agent());
        }
        delegate.apply(delta);
    }

    private UndeclaredKeyAccess violation(String access, AgentAddress agent) {
        String deltaOnly = declared.deltas().contains(agent) ? " (it is declared for deltas only)" : "";
        return new UndeclaredKeyAccess(access + " of " + agent + " is not declared" + deltaOnly + "; declared " + declared);
    }
}
