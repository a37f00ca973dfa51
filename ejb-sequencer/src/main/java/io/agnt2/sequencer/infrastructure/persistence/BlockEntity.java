package io.agnt2.sequencer.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A closed block. {@code published} is the outbox flag: set once the settlement queue has it. */
@Entity
@Table(name = "block")
public class BlockEntity {

    @Id
    private long number;

    @Column(nullable = false, length = 66)
    private String stateRoot;

    @Column(nullable = false, length = 66)
    private String dataHash;

    @Column(nullable = false)
    private int interactionCount;

    @Column(nullable = false)
    private Instant closedAt;

    @Column(nullable = false)
    private boolean published;

    protected BlockEntity() {
    }

    public BlockEntity(long number, String stateRoot, String dataHash, int interactionCount) {
        this.number = number;
        this.stateRoot = stateRoot;
        this.dataHash = dataHash;
        this.interactionCount = interactionCount;
        this.closedAt = Instant.now();
    }

    void markPublished() {
        this.published = true;
    }

    public long number() {
        return number;
    }

    public String stateRoot() {
        return stateRoot;
    }

    public String dataHash() {
        return dataHash;
    }

    public int interactionCount() {
        return interactionCount;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public boolean published() {
        return published;
    }
}
