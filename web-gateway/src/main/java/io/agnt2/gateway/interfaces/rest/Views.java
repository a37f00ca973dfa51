package io.agnt2.gateway.interfaces.rest;

import io.agnt2.gateway.interfaces.problem.Problem;
import io.agnt2.sequencer.application.ClosedBlock;

import java.util.List;

/** What the gateway answers with, as JSON. */
public final class Views {

    private Views() {
    }

    public record Accepted(String hash, String status) {
    }

    public record AgentView(String address, String organization, String balance, long nonce) {
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
