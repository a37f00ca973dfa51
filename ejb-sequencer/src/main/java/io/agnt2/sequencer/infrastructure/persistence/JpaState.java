package io.agnt2.sequencer.infrastructure.persistence;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.execution.Delta;
import io.agnt2.protocol.execution.StateView;
import io.agnt2.protocol.state.AgentRecord;
import jakarta.persistence.EntityManager;

import java.util.Optional;

/** The stored agent records, read and written in the caller's transaction. */
public final class JpaState implements StateView {

    private final EntityManager em;

    JpaState(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<AgentRecord> find(AgentAddress address) {
        return Optional.ofNullable(em.find(AgentEntity.class, address.toString())).map(AgentEntity::toRecord);
    }

    @Override
    public void put(AgentRecord record) {
        AgentEntity entity = em.find(AgentEntity.class, record.address().toString());
        if (entity == null) {
            em.persist(new AgentEntity(record));
        } else {
            entity.update(record);
        }
    }

    @Override
    public void apply(Delta delta) {
        put(delta.applyTo(find(delta.agent()).orElse(null)));
    }

}
