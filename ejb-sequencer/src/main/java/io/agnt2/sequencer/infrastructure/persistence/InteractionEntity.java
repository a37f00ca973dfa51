package io.agnt2.sequencer.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * An interaction of a closed block, for look-ups by hash and the block's list: where it is and how it
 * went. The interaction itself is in its block's batch ({@link BlockEntity#batch()}). Mapped here so that
 * Hibernate creates the table; {@link BlockRecorder} writes the rows with plain JDBC batches.
 */
@Entity
@Table(name = InteractionEntity.TABLE, indexes = @Index(name = "interaction_block",
        columnList = "blockNumber, indexInBlock"))
public class InteractionEntity {

    static final String TABLE = "interaction";

    @Id
    @Column(length = 66)
    private String hash;

    @Column(nullable = false)
    private long blockNumber;

    /** Its position in the block, from 0: the block's execution order. */
    @Column(nullable = false)
    private int indexInBlock;

    @Column(nullable = false, length = 32)
    private String kind;

    @Column(nullable = false, length = 42)
    private String signer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private InteractionStatus status;

    protected InteractionEntity() {
    }

    public String hash() {
        return hash;
    }

    public long blockNumber() {
        return blockNumber;
    }

    public int indexInBlock() {
        return indexInBlock;
    }

    public String kind() {
        return kind;
    }

    public String signer() {
        return signer;
    }

    public InteractionStatus status() {
        return status;
    }
}
