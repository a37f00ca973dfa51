package io.agnt2.sequencer.infrastructure.persistence;

import io.agnt2.protocol.codec.AgentRecordCodec;
import io.agnt2.protocol.state.AgentRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigInteger;

/**
 * An agent's record in the interaction trie, as stored: the whole record in its canonical encoding
 * (the source of truth), and its identity, balance, nonce and reputation as columns for queries and
 * for people reading the database. Read through this mapping; written by {@link AgentStore} with JDBC.
 */
@Entity
@Table(name = AgentEntity.TABLE)
public class AgentEntity {

    static final String TABLE = "agent";

    @Id
    @Column(length = 42)
    private String address;

    @Column(nullable = false, length = 255)
    private String organization;

    /** uint256 needs 78 decimal digits. */
    @Column(nullable = false, precision = 78, scale = 0)
    private BigInteger balance;

    @Column(nullable = false)
    private long nonce;

    @Column(nullable = false)
    private long reputationSum;

    @Column(nullable = false)
    private long ratings;

    @Column(nullable = false, length = 1 << 20)
    private byte[] record;

    protected AgentEntity() {
    }

    public AgentRecord toRecord() {
        return AgentRecordCodec.decode(record);
    }
}
