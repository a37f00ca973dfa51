package io.agnt2.settlement.infrastructure.persistence.channel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A payment an organisation made over a channel: the business record written in the same transaction
 * as the channel update, so it exists exactly when the counterparty co-signed the payment.
 */
@Entity
@Table(name = "channel_payment", indexes = @Index(name = "channel_payment_channel", columnList = "channelId"))
public class ChannelPaymentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 66)
    private String channelId;

    @Column(nullable = false, length = 256)
    private String organization;

    @Column(nullable = false, length = 42)
    private String payer;

    @Column(nullable = false, precision = 78, scale = 0)
    private BigDecimal amountWei;

    @Column(nullable = false, length = 512)
    private String memo;

    @Column(nullable = false)
    private Instant paidAt;

    protected ChannelPaymentEntity() {
    }

    public ChannelPaymentEntity(String channelId, String organization, String payer, BigDecimal amountWei, String memo) {
        this.channelId = channelId;
        this.organization = organization;
        this.payer = payer;
        this.amountWei = amountWei;
        this.memo = memo;
        this.paidAt = Instant.now();
    }

    public String channelId() {
        return channelId;
    }

    public String organization() {
        return organization;
    }

    public String payer() {
        return payer;
    }

    public BigDecimal amountWei() {
        return amountWei;
    }

    public String memo() {
        return memo;
    }

    public Instant paidAt() {
        return paidAt;
    }
}
