package io.agnt2.sequencer.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * An accepted interaction: its canonical encoding is the source of truth, the other columns are
 * for queries. {@code sequence} is the order the sequencer gave it, which the block keeps.
 */
@Entity
@Table(name = "interaction", indexes = {
        @Index(name = "interaction_status_sequence", columnList = "status, sequence"),
        @Index(name = "interaction_block", columnList = "blockNumber")})
public class InteractionEntity {

    @Id
    @Column(length = 66)
    private String hash;

    @Column(nullable = false, unique = true)
    private long sequence;

    @Column(nullable = false, length = 32)
    private String kind;

    @Column(nullable = false, length = 42)
    private String signer;

    @Column(nullable = false)
    private byte[] encoded;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private InteractionStatus status;

    private Long blockNumber;

    @Column(nullable = false)
    private Instant acceptedAt;

    protected InteractionEntity() {
    }

    public InteractionEntity(String hash, long sequence, String kind, String signer, byte[] encoded) {
        this.hash = hash;
        this.sequence = sequence;
        this.kind = kind;
        this.signer = signer;
        this.encoded = encoded;
        this.status = InteractionStatus.PENDING;
        this.acceptedAt = Instant.now();
    }

    void include(long block, boolean executed) {
        this.blockNumber = block;
        this.status = executed ? InteractionStatus.INCLUDED : InteractionStatus.FAILED;
    }

    public String hash() {
        return hash;
    }

    public long sequence() {
        return sequence;
    }

    public String kind() {
        return kind;
    }

    public String signer() {
        return signer;
    }

    public byte[] encoded() {
        return encoded;
    }

    public InteractionStatus status() {
        return status;
    }

    public Long blockNumber() {
        return blockNumber;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }
}
