package io.agnt2.settlement.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A block as posted to L1: the transaction that carries its state root. */
@Entity
@Table(name = "batch")
public class BatchEntity {

    @Id
    private long blockNumber;

    /** Null when the block was found already on L1 (posted by an earlier delivery whose record was lost). */
    @Column(length = 66)
    private String l1TxHash;

    private long l1BlockNumber;

    private long gasUsed;

    @Column(nullable = false)
    private Instant postedAt;

    protected BatchEntity() {
    }

    public BatchEntity(long blockNumber, String l1TxHash, long l1BlockNumber, long gasUsed) {
        this.blockNumber = blockNumber;
        this.l1TxHash = l1TxHash;
        this.l1BlockNumber = l1BlockNumber;
        this.gasUsed = gasUsed;
        this.postedAt = Instant.now();
    }

    public long blockNumber() {
        return blockNumber;
    }

    public String l1TxHash() {
        return l1TxHash;
    }

    public long l1BlockNumber() {
        return l1BlockNumber;
    }

    public long gasUsed() {
        return gasUsed;
    }

    public Instant postedAt() {
        return postedAt;
    }
}
