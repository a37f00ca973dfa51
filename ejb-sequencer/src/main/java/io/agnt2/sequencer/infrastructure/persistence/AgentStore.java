package io.agnt2.sequencer.infrastructure.persistence;

import io.agnt2.protocol.state.AgentRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/** The stored agent records (a checkpoint of the sequencer core); written through {@link JpaState}. */
@ApplicationScoped
public class AgentStore {

    @PersistenceContext(unitName = "sequencer")
    EntityManager em;

    /** A view of the stored records in the caller's transaction. */
    public JpaState state() {
        return new JpaState(em);
    }

    /** Every record: to build the trie once at start; blocks then rehash only what they touch. */
    public List<AgentRecord> all() {
        return em.createQuery("select a from AgentEntity a", AgentEntity.class).getResultStream()
                .map(AgentEntity::toRecord).toList();
    }
}
