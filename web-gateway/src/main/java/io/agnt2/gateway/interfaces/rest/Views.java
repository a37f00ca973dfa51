package io.agnt2.gateway.interfaces.rest;

import java.util.List;

/** What the gateway answers with, as JSON. */
public final class Views {

    private Views() {
    }

    public record Accepted(String hash, String status) {
    }

    public record AgentView(String address, String organization, String balance, long nonce) {
    }

    public record InteractionView(String hash, String kind, String signer, String status, Long blockNumber,
                                  String acceptedAt) {
    }

    public record SettlementView(String status, String l1TxHash, Long l1BlockNumber, Long gasUsed) {
    }

    public record BlockView(long number, String stateRoot, String dataHash, int interactionCount, String closedAt,
                            List<String> interactions, SettlementView settlement) {
    }
}
