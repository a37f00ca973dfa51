package io.agnt2.sequencer.domain;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.state.AgentRecord;

import java.util.Optional;

/**
 * The agent records as the interaction rules see them. One rule set runs against two ledgers: the
 * head (accepted, not yet in a block) when the sequencer accepts an interaction, and the stored
 * records when a block executes it, so both always agree.
 */
public interface Ledger {

    Optional<AgentRecord> find(AgentAddress address);

    void put(AgentRecord record);
}
