package io.agnt2.sequencer.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Which block the stored agent records reflect: one row, rewritten with every checkpoint. */
@Entity
@Table(name = "checkpoint")
public class CheckpointEntity {

    static final int ONLY = 1;

    @Id
    private int id = ONLY;

    @Column(nullable = false)
    private long blockNumber;

    @Column(nullable = false)
    private long lastSequence;

    @Column(nullable = false, length = 66)
    private String stateRoot;

    protected CheckpointEntity() {
    }

    CheckpointEntity(long blockNumber, long lastSequence, String stateRoot) {
        update(blockNumber, lastSequence, stateRoot);
    }

    void update(long blockNumber, long lastSequence, String stateRoot) {
        this.blockNumber = blockNumber;
        this.lastSequence = lastSequence;
        this.stateRoot = stateRoot;
    }

    long blockNumber() {
        return blockNumber;
    }

    long lastSequence() {
        return lastSequence;
    }

    String stateRoot() {
        return stateRoot;
    }
}
