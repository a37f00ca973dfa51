package io.agnt2.sequencer.infrastructure.persistence;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.state.AgentRecord;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigInteger;

/** An agent's record in the interaction trie, as stored. */
@Entity
@Table(name = "agent")
public class AgentEntity {

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

    protected AgentEntity() {
    }

    AgentEntity(AgentRecord record) {
        this.address = record.address().toString();
        update(record);
    }

    void update(AgentRecord record) {
        this.organization = record.organization();
        this.balance = record.balance().toBigInteger();
        this.nonce = record.nonce().value();
    }

    public AgentRecord toRecord() {
        return new AgentRecord(AgentAddress.of(address), organization, Wei.of(balance), new Nonce(nonce));
    }
}
