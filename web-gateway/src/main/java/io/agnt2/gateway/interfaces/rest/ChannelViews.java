package io.agnt2.gateway.interfaces.rest;

import io.agnt2.channel.node.ChannelView;
import io.agnt2.protocol.channel.ChannelState;
import io.agnt2.protocol.channel.L1SignedChannelState;
import io.agnt2.settlement.infrastructure.l1.channel.ChannelTransaction;
import io.agnt2.settlement.infrastructure.persistence.channel.ChannelPaymentEntity;
import io.agnt2.settlement.infrastructure.persistence.channel.ChannelStateEntity;

import java.util.List;

/** The JSON shapes of the channel API. Amounts are decimal strings of wei (they exceed JSON's safe integers). */
public final class ChannelViews {

    private ChannelViews() {
    }

    public record HostedAgent(String address, String organization) {
    }

    public record StateView(long nonce, String balanceA, String balanceB, String appStateHash, boolean finalState,
                     String signatureA, String signatureB) {
    }

    public record Channel(String id, String participantA, String participantB, String agent, String agentBalance,
                   StateView latest) {
    }

    public record ChannelList(List<Channel> channels) {
    }

    public record L1Transaction(String operation, String txHash, long l1BlockNumber, long gasUsed) {
    }

    public record ChannelWithL1(Channel channel, L1Transaction l1) {
    }

    public record HistoryState(long nonce, String balanceA, String balanceB, String appStateHash, boolean finalState,
                        boolean proposedByUs, String recordedAt) {
    }

    public record Payment(String payer, String amount, String memo, String paidAt) {
    }

    public record History(String channel, List<HistoryState> states, List<Payment> payments) {
    }

    /** Signatures as Ethereum's r||s||v, what a wallet or {@code ecrecover} takes (found here, decision 0015). */
    static Channel of(ChannelView view) {
        L1SignedChannelState latest = view.latestForL1();
        ChannelState s = latest.state();
        return new Channel(view.id().toString(), view.participantA().toString(), view.participantB().toString(),
                view.localAgent().toString(), view.localBalance().toString(),
                new StateView(s.nonce(), s.balanceA().toString(), s.balanceB().toString(), s.appStateHash().toString(),
                        s.isFinal(), latest.signatureA().toString(), latest.signatureB().toString()));
    }

    static L1Transaction of(ChannelTransaction tx) {
        return new L1Transaction(tx.operation(), tx.txHash(), tx.l1BlockNumber(), tx.gasUsed());
    }

    static History of(String channel, List<ChannelStateEntity> states, List<ChannelPaymentEntity> payments) {
        return new History(channel,
                states.stream().map(s -> new HistoryState(s.nonce(), s.balanceA().toPlainString(),
                        s.balanceB().toPlainString(), s.appStateHash(), s.finalState(), s.proposedLocally(),
                        s.recordedAt().toString())).toList(),
                payments.stream().map(p -> new Payment(p.payer(), p.amountWei().toPlainString(), p.memo(),
                        p.paidAt().toString())).toList());
    }
}
