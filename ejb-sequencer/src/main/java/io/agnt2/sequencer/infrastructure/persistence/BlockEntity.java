package io.agnt2.sequencer.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A closed block. {@code published} is the outbox flag: set once the settlement queue has it.
 * {@link BlockRecorder} inserts the rows with plain JDBC; the mapping creates the table and reads it.
 */
@Entity
// The outbox is read after every block (unpublished, in order): without this index each read scanned the
// whole, ever-growing table, four times a second at the default interval.
@Table(name = BlockEntity.TABLE, indexes = @Index(name = "block_outbox", columnList = "published, number"))
public class BlockEntity {

    static final String TABLE = "block";

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

    /** The interactions in {@code BatchCodec} form, as settlement posts them ({@code dataHash} is its keccak). */
    @Column(nullable = false, length = MAX_BATCH_BYTES)
    private byte[] batch;

    /** H2's limit for a binary column; PostgreSQL's bytea takes up to 1 GB too. */
    static final int MAX_BATCH_BYTES = 1_000_000_000;

    protected BlockEntity() {
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

    public byte[] batch() {
        return batch;
    }
}
