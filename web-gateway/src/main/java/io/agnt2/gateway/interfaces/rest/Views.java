package io.agnt2.gateway.interfaces.rest;

import io.agnt2.gateway.interfaces.problem.Problem;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.state.AgentRecord;
import io.agnt2.protocol.state.ChannelEntry;
import io.agnt2.protocol.state.Reputation;
import io.agnt2.sequencer.application.ClosedBlock;

import java.util.List;

/** What the gateway answers with, as JSON. */
public final class Views {

    private Views() {
    }

    public record Accepted(String hash, String status) {
    }

    /**
     * An agent's record: identity, balance, nonce, reputation, and the state channels it has open on L1
     * (recorded from the adjudicator's events; the channels' own payments never reach the rollup).
     */
    public record AgentView(String address, String organization, String metadataUri, String balance, long nonce,
                            ReputationView reputation, List<AgentChannelView> channels) {

        static AgentView of(AgentRecord record) {
            Reputation reputation = record.reputation();
            return new AgentView(record.address().toString(), record.organization(), record.metadataUri(),
                    record.balance().toString(), record.nonce().value(),
                    new ReputationView(reputation.scoreSum(), reputation.ratings(), reputation.cooperativeCloses(),
                            reputation.disputesLost()),
                    record.channels().entrySet().stream()
                            .map(channel -> AgentChannelView.of(channel.getKey(), channel.getValue())).toList());
        }
    }

    public record ReputationView(long scoreSum, long ratings, long cooperativeCloses, long disputesLost) {
    }

    public record AgentChannelView(String channelId, String counterparty, String ownDeposit,
                                   String counterpartyDeposit, long openedAtBlock) {

        static AgentChannelView of(ChannelId id, ChannelEntry channel) {
            return new AgentChannelView(id.toString(), channel.counterparty().toString(),
                    channel.ownDeposit().toString(), channel.counterpartyDeposit().toString(), channel.openedAtBlock());
        }
    }

    public record InteractionView(String hash, String kind, String signer, String status, Long blockNumber) {
    }

    public record SettlementView(String status, String l1TxHash, Long l1BlockNumber, Long gasUsed) {
    }

    /** A new block as the block stream announces it. */
    public record BlockSummary(long number, String stateRoot, String dataHash, int interactionCount, String closedAt) {
        public static BlockSummary of(ClosedBlock block) {
            return new BlockSummary(block.number(), block.stateRoot(), block.dataHash(), block.interactions().size(),
                    block.closedAt().toString());
        }
    }

    /** One item of a batch: accepted (PENDING) or refused with its problem. */
    public record BatchItem(int index, String hash, String status, Problem problem) {
    }

    public record BatchResult(int accepted, int refused, List<BatchItem> items) {
    }

    public record BlockView(long number, String stateRoot, String dataHash, int interactionCount, String closedAt,
                            List<String> interactions, SettlementView settlement) {
    }
}
