package io.agnt2.sequencer.infrastructure.persistence;

import io.agnt2.protocol.value.Bytes32;
import io.agnt2.sequencer.core.Checkpoint;
import io.agnt2.sequencer.core.CheckpointSink;
import io.agnt2.sequencer.core.CheckpointSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The sequencer core's checkpoints in the database: the agent records as of a block, one row per
 * agent, written coalesced (each touched agent once per checkpoint), plus the block they reflect.
 * After a restart the core loads this and replays its log from there.
 */
@ApplicationScoped
public class JpaCheckpoints implements CheckpointSource, CheckpointSink {

    @PersistenceContext(unitName = "sequencer")
    EntityManager em;
    @jakarta.inject.Inject
    AgentStore agents;

    @Override
    @Transactional
    public Checkpoint load() {
        CheckpointEntity stored = em.find(CheckpointEntity.class, CheckpointEntity.ONLY);
        if (stored == null) {
            return Checkpoint.genesis(agents.all());
        }
        return new Checkpoint(stored.blockNumber(), stored.lastSequence(), Bytes32.fromHex(stored.stateRoot()),
                agents.all());
    }

    /** One transaction: the records and the block they reflect change together or not at all. */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void store(Checkpoint changes) {
        agents.storeAll(changes.records());
        CheckpointEntity stored = em.find(CheckpointEntity.class, CheckpointEntity.ONLY);
        if (stored == null) {
            em.persist(new CheckpointEntity(changes.blockNumber(), changes.lastSequence(), changes.stateRoot().toString()));
        } else {
            stored.update(changes.blockNumber(), changes.lastSequence(), changes.stateRoot().toString());
        }
    }
}
