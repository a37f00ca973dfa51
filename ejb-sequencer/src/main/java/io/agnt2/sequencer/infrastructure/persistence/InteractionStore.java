package io.agnt2.sequencer.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/** The accepted interactions, in sequence order. */
@ApplicationScoped
public class InteractionStore {

    @PersistenceContext(unitName = "sequencer")
    EntityManager em;

    public void add(InteractionEntity interaction) {
        em.persist(interaction);
    }

    public Optional<InteractionEntity> find(String hash) {
        return Optional.ofNullable(em.find(InteractionEntity.class, hash));
    }

    public List<InteractionEntity> pending() {
        return em.createQuery("select i from InteractionEntity i where i.status = :status order by i.sequence",
                        InteractionEntity.class)
                .setParameter("status", InteractionStatus.PENDING)
                .getResultList();
    }

    public List<InteractionEntity> inBlock(long number) {
        return em.createQuery("select i from InteractionEntity i where i.blockNumber = :number order by i.sequence",
                        InteractionEntity.class)
                .setParameter("number", number)
                .getResultList();
    }

    public void include(InteractionEntity interaction, long block, boolean executed) {
        interaction.include(block, executed);
    }

    /** The last sequence number given out, or -1 when none was. */
    public long lastSequence() {
        Long last = em.createQuery("select max(i.sequence) from InteractionEntity i", Long.class).getSingleResult();
        return last == null ? -1 : last;
    }
}
