package io.agnt2.sequencer.infrastructure.persistence;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.state.AgentRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/** Reads of the stored agent records; writes go through {@link JpaLedger} inside a block. */
@ApplicationScoped
public class AgentStore {

    @PersistenceContext(unitName = "sequencer")
    EntityManager em;

    public Optional<AgentRecord> find(AgentAddress address) {
        return new JpaLedger(em).find(address);
    }

    public JpaLedger ledger() {
        return new JpaLedger(em);
    }

    /** Every record, for the state root. A trie with per-block batched rehashing replaces this scan. */
    public List<AgentRecord> all() {
        return em.createQuery("select a from AgentEntity a", AgentEntity.class).getResultStream()
                .map(AgentEntity::toRecord).toList();
    }
}
