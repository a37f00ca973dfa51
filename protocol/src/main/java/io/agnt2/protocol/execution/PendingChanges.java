package io.agnt2.protocol.execution;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.state.AgentRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One interaction's changes, held back until it has fully succeeded: a refusal or an undeclared access
 * anywhere in a rule then leaves the underlying state untouched, whatever the rule had already written.
 * Deltas to records this interaction did not replace stay deltas, so the commit stays blind for them.
 */
final class PendingChanges implements StateView {

    private final StateView base;
    private final Map<AgentAddress, AgentRecord> replaced = new LinkedHashMap<>();
    private final List<Delta> deltas = new ArrayList<>();

    PendingChanges(StateView base) {
        this.base = base;
    }

    @Override
    public Optional<AgentRecord> find(AgentAddress agent) {
        AgentRecord current = replaced.containsKey(agent) ? replaced.get(agent) : base.find(agent).orElse(null);
        for (Delta delta : deltas) {
            if (delta.agent().equals(agent)) {
                current = delta.applyTo(current);
            }
        }
        return Optional.ofNullable(current);
    }

    /** A rule replaces a record it has read, so the record already includes this step's deltas to it. */
    @Override
    public void put(AgentRecord record) {
        deltas.removeIf(delta -> delta.agent().equals(record.address()));
        replaced.put(record.address(), record);
    }

    @Override
    public void apply(Delta delta) {
        AgentRecord current = replaced.get(delta.agent());
        if (current != null) {
            replaced.put(delta.agent(), delta.applyTo(current));
        } else {
            deltas.add(delta);
        }
    }

    void commit() {
        replaced.values().forEach(base::put);
        deltas.forEach(base::apply);
    }
}
