package io.agnt2.settlement.infrastructure.persistence.channel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One co-signed state of a channel this server takes part in, as the channel adapter delivered it:
 * the channel's history. Keyed by channel, local agent and nonce, so a redelivery changes nothing.
 */
@Entity
@Table(name = "channel_state")
@IdClass(ChannelStateEntity.Key.class)
public class ChannelStateEntity {

    public record Key(String channelId, String localAgent, long nonce) implements Serializable {
        public Key() {
            this(null, null, 0);
        }
    }

    @Id
    @Column(length = 66)
    private String channelId;

    @Id
    @Column(length = 42)
    private String localAgent;

    @Id
    private long nonce;

    @Column(nullable = false, length = 42)
    private String participantA;

    @Column(nullable = false, length = 42)
    private String participantB;

    @Column(nullable = false, precision = 78, scale = 0)
    private BigDecimal balanceA;

    @Column(nullable = false, precision = 78, scale = 0)
    private BigDecimal balanceB;

    @Column(nullable = false, length = 66)
    private String appStateHash;

    private boolean finalState;

    private boolean proposedLocally;

    @Column(nullable = false)
    private Instant recordedAt;

    protected ChannelStateEntity() {
    }

    public ChannelStateEntity(String channelId, String localAgent, long nonce, String participantA, String participantB,
                              BigDecimal balanceA, BigDecimal balanceB, String appStateHash, boolean finalState,
                              boolean proposedLocally) {
        this.channelId = channelId;
        this.localAgent = localAgent;
        this.nonce = nonce;
        this.participantA = participantA;
        this.participantB = participantB;
        this.balanceA = balanceA;
        this.balanceB = balanceB;
        this.appStateHash = appStateHash;
        this.finalState = finalState;
        this.proposedLocally = proposedLocally;
        this.recordedAt = Instant.now();
    }

    public String channelId() {
        return channelId;
    }

    public long nonce() {
        return nonce;
    }

    public BigDecimal balanceA() {
        return balanceA;
    }

    public BigDecimal balanceB() {
        return balanceB;
    }

    public String appStateHash() {
        return appStateHash;
    }

    public boolean finalState() {
        return finalState;
    }

    public boolean proposedLocally() {
        return proposedLocally;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
