package io.agnt2.sequencer.domain;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.state.AgentRecord;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The head state: stored records plus the effect of every accepted interaction not yet in a block.
 * Writes stay in memory; reads fall through to the stored ledger for untouched agents.
 */
public final class HeadLedger implements Ledger {

    private final Ledger stored;
    private final Map<AgentAddress, AgentRecord> touched = new HashMap<>();

    public HeadLedger(Ledger stored) {
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
}
