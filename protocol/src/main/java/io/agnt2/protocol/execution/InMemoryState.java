package io.agnt2.protocol.execution;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.state.AgentRecord;
import io.agnt2.protocol.state.StateRoot;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** All records in a map: for tests, tools and re-execution of a batch from a known state. */
public final class InMemoryState implements StateView {

    private final Map<AgentAddress, AgentRecord> records = new HashMap<>();

    public InMemoryState() {
    }

    public InMemoryState(Iterable<AgentRecord> initial) {
        initial.forEach(this::put);
    }

    @Override
    public Optional<AgentRecord> find(AgentAddress agent) {
        return Optional.ofNullable(records.get(agent));
    }

    @Override
    public void put(AgentRecord record) {
        records.put(record.address(), record);
    }

    @Override
    public void apply(Delta delta) {
        records.put(delta.agent(), delta.applyTo(records.get(delta.agent())));
    }

    /** An immutable copy, e.g. to compare before and after. */
    public Map<AgentAddress, AgentRecord> records() {
        return Map.copyOf(records);
    }

    public byte[] root() {
        return StateRoot.of(records.values());
    }
}
