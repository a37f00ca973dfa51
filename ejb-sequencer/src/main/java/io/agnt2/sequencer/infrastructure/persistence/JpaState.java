package io.agnt2.sequencer.infrastructure.persistence;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.execution.Delta;
import io.agnt2.protocol.execution.StateView;
import io.agnt2.protocol.state.AgentRecord;
import jakarta.persistence.EntityManager;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The stored agent records, read and written in the caller's transaction. It remembers the records
 * it wrote, so a block rehashes only those in the trie.
 */
public final class JpaState implements StateView {

    private final EntityManager em;
    private final Map<AgentAddress, AgentRecord> written = new LinkedHashMap<>();

    JpaState(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<AgentRecord> find(AgentAddress address) {
        AgentRecord written = this.written.get(address);
        if (written != null) {
            return Optional.of(written);
        }
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
        written.put(record.address(), record);
    }

    @Override
    public void apply(Delta delta) {
        put(delta.applyTo(find(delta.agent()).orElse(null)));
    }

    /** Every record this view wrote, as last written. */
    public Map<AgentAddress, AgentRecord> written() {
        return Map.copyOf(written);
    }
}
