package io.agnt2.sequencer.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/** The interactions of closed blocks, in block order, with their outcome (written by {@link BlockRecorder}). */
@ApplicationScoped
public class InteractionStore {

    @PersistenceContext(unitName = "sequencer")
    EntityManager em;

    public Optional<InteractionEntity> find(String hash) {
        return Optional.ofNullable(em.find(InteractionEntity.class, hash));
    }

    public List<InteractionEntity> inBlock(long number) {
        return em.createQuery("select i from InteractionEntity i where i.blockNumber = :number order by i.indexInBlock",
                        InteractionEntity.class)
                .setParameter("number", number)
                .getResultList();
    }
}
