package io.agnt2.sequencer.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;

/** Closed blocks, and the outbox of those the settlement queue has not yet taken. */
@ApplicationScoped
public class BlockStore {

    @PersistenceContext(unitName = "sequencer")
    EntityManager em;

    public Optional<BlockEntity> find(long number) {
        return Optional.ofNullable(em.find(BlockEntity.class, number));
    }

    /** The number of the newest block, 0 before the first one (block numbers start at 1). */
    public long lastNumber() {
        Long last = em.createQuery("select max(b.number) from BlockEntity b", Long.class).getSingleResult();
        return last == null ? 0 : last;
    }

    public List<BlockEntity> unpublished() {
        return em.createQuery("select b from BlockEntity b where b.published = false order by b.number",
                BlockEntity.class).getResultList();
    }

    /**
     * Its own transaction: once the queue has the block, the outbox must say so even if later work fails.
     * An update statement, so the block's batch is neither loaded nor written again.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void markPublished(long number) {
        em.createQuery("update BlockEntity b set b.published = true where b.number = :number")
                .setParameter("number", number)
                .executeUpdate();
    }
}
