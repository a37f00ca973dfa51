package io.agnt2.settlement.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.Optional;

/** The record of what reached L1. */
@ApplicationScoped
public class BatchStore {

    @PersistenceContext(unitName = "settlement")
    EntityManager em;

    public Optional<BatchEntity> find(long blockNumber) {
        return Optional.ofNullable(em.find(BatchEntity.class, blockNumber));
    }

    @Transactional
    public void add(BatchEntity batch) {
        em.persist(batch);
    }
}
