package it.io.agnt2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agnt2.channel.node.ChannelNode;
import io.agnt2.channel.node.ChannelNodeConfig;
import io.agnt2.channel.node.ChannelView;
import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.channel.ChannelDomain;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.channel.ChannelState;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Wei;
import io.agnt2.settlement.infrastructure.l1.channel.AdjudicatorClient;
import io.agnt2.settlement.infrastructure.l1.channel.ChannelStatus;
import io.agnt2.sidecar.gateway.GatewayResponse;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Channels through the gateway, against the running server's channel adapter: acme gets an agent in
 * the server's custody and opens a channel with a partner whose own channel node runs in this test
 * (another process would do as well: they talk over TCP). Payments are co-signed by the partner's
 * node, recorded with the payment's business row in one transaction, and the channel closes on anvil
 * with both sides paid. A payment the partner cannot co-sign leaves no record; another organisation
 * sees none of it.
 */
class ChannelIT {

    private static final long L1_CHAIN_ID = 31337;
    /** anvil's fourth development account: a public test key, used here only to read L1. */
    private static final String READER_KEY = "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6";
    private static final Wei ONE_ETH = Wei.of("1000000000000000000");
    /** The server's bridge reads the adjudicator's events every two seconds, then the event waits for a block. */
    private static final Duration BRIDGE_WAIT = Duration.ofSeconds(30);
    private static final Wei FINNEY = Wei.of("1000000000000000");

    private final AgentKey partnerKey = AgentKey.generate();
    private final AgentAddress adjudicator = AgentAddress.of(System.getProperty("l1.adjudicator.address"));
    private Path partnerJournal;
    private ChannelNode partnerNode;

    @BeforeEach
    void startPartnerNode() throws Exception {
        partnerJournal = Files.createTempDirectory("partner-channels");
        partnerNode = startNode(0);
    }

    private ChannelNode startNode(int port) throws Exception {
        return ChannelNode.start(new ChannelNodeConfig(ChannelDomain.of(L1_CHAIN_ID, adjudicator), "127.0.0.1", port,
                List.of(partnerKey), partnerJournal, null), (channel, state, proposedLocally) -> { });
    }

    @AfterEach
    void stopPartnerNode() {
        if (partnerNode != null) {
            partnerNode.close();
        }
    }

    @Test
    void aChannelOpensTakesPaymentsAndClosesOnL1() throws Exception {
        Partner acme = Partner.acme();
        String agent = createAgent(acme);
        ChannelId id = open(acme, agent);

        // The rollup follows the adjudicator: the open channel shows on the agent's record in the trie.
        JsonObject recorded = acme.gateway.awaitAgent(agent, "to show channel " + id, BRIDGE_WAIT,
                record -> record.getJsonArray("channels").size() == 1);
        JsonObject entry = recorded.getJsonArray("channels").getJsonObject(0);
        assertEquals(id.toString(), entry.getString("channelId"));
        assertEquals(partnerKey.address().toString(), entry.getString("counterparty"));
        assertEquals(ONE_ETH.toString(), entry.getString("ownDeposit"));
        assertEquals("0", entry.getString("counterpartyDeposit"));

        for (int i = 1; i <= 5; i++) {
            JsonObject paid = acme.gateway.post("/api/v1/channels/" + id + "/payments",
                    "{\"amount\":\"" + FINNEY + "\",\"memo\":\"invoice " + i + "\"}").orThrow();
            assertEquals(i, paid.getJsonObject("latest").getInt("nonce"));
        }
        ChannelView atPartner = partnerNode.channel(id).orElseThrow();
        assertEquals(5, atPartner.latest().state().nonce(), "the partner's node holds the newest co-signed state");
        assertEquals(Wei.of("5000000000000000"), atPartner.latest().state().balanceB());

        // Too much: refused before anything is sent, nothing recorded.
        GatewayResponse tooMuch = acme.gateway.post("/api/v1/channels/" + id + "/payments", "{\"amount\":\"" + ONE_ETH + "\"}");
        assertEquals(400, tooMuch.status());
        assertEquals("urn:agnt2:problem:invalid-channel-request", tooMuch.problemType());

        JsonObject history = awaitHistory(acme, id, 6);
        assertEquals(5, history.getJsonArray("payments").size(), "one business record per co-signed payment");
        assertEquals("invoice 3", history.getJsonArray("payments").getJsonObject(2).getString("memo"));

        // Another organisation sees nothing of it, and bad input is refused.
        Partner globex = Partner.globex();
        assertEquals(404, globex.gateway.get("/api/v1/channels/" + id).status());
        assertEquals(404, globex.gateway.post("/api/v1/channels/" + id + "/payments", "{\"amount\":\"1\"}").status());
        assertEquals(400, acme.gateway.get("/api/v1/channels/not-a-channel").status());
        assertEquals(400, acme.gateway.post("/api/v1/channels/" + id + "/payments", "{\"amount\":\"-1\"}").status());
        assertEquals(400, acme.gateway.post("/api/v1/channels/" + id + "/payments", "[1,2").status());

        // An update without value: both sign a new app state (say, the hash of a service's answer).
        Bytes32 answer = Bytes32.fromHex("0x" + "5e".repeat(32));
        JsonObject updated = acme.gateway.post("/api/v1/channels/" + id + "/updates",
                "{\"appStateHash\":\"" + answer + "\"}").orThrow();
        assertEquals(6, updated.getJsonObject("latest").getInt("nonce"));
        assertEquals(answer.toString(), updated.getJsonObject("latest").getString("appStateHash"));
        assertEquals(answer, partnerNode.channel(id).orElseThrow().latest().state().appStateHash(),
                "the partner co-signed and holds it");
        assertEquals(Wei.of("5000000000000000"), partnerNode.channel(id).orElseThrow().latest().state().balanceB(),
                "no value moved");
        GatewayResponse finalMark = acme.gateway.post("/api/v1/channels/" + id + "/updates",
                "{\"appStateHash\":\"" + ChannelState.FINAL_APP_STATE + "\"}");
        assertEquals(400, finalMark.status(), "the final state is the close's alone");
        assertEquals(400, acme.gateway.post("/api/v1/channels/" + id + "/updates", "{\"appStateHash\":\"0x12\"}").status());

        // Cooperative close: both sign the final state, L1 pays both at once.
        JsonObject closed = acme.gateway.post("/api/v1/channels/" + id + "/close", "{}").orThrow();
        assertTrue(closed.getJsonObject("channel").getJsonObject("latest").getBoolean("finalState"));
        try (AdjudicatorClient l1 = AdjudicatorClient.at(System.getProperty("l1.rpc.url"), READER_KEY, L1_CHAIN_ID,
                adjudicator.toString())) {
            assertEquals(ChannelStatus.CLOSED, l1.channel(id).status());
            assertEquals(Wei.of("5000000000000000"), l1.l1Balance(partnerKey.address()), "the partner was paid on L1");
        }
        assertEquals(400, acme.gateway.post("/api/v1/channels/" + id + "/payments", "{\"amount\":\"1\"}").status(),
                "no payment after the final state");

        // ... and the rollup records the end: the channel leaves the record, a cooperative close counts.
        JsonObject after = acme.gateway.awaitAgent(agent, "to record the cooperative close", BRIDGE_WAIT,
                record -> record.getJsonArray("channels").isEmpty());
        assertEquals(1, after.getJsonObject("reputation").getInt("cooperativeCloses"));
        assertEquals(0, after.getJsonObject("reputation").getInt("disputesLost"));
    }

    @Test
    void aPaymentThePartnerCannotCoSignLeavesNoRecordAndTheChannelResumes() throws Exception {
        Partner acme = Partner.acme();
        String agent = createAgent(acme);
        ChannelId id = open(acme, agent);
        acme.gateway.post("/api/v1/channels/" + id + "/payments", "{\"amount\":\"" + FINNEY + "\"}").orThrow();

        int port = partnerNode.boundAddress().getPort();
        partnerNode.close();
        partnerNode = null;
        GatewayResponse unanswered = acme.gateway.post("/api/v1/channels/" + id + "/payments",
                "{\"amount\":\"" + FINNEY + "\",\"memo\":\"never co-signed\"}");
        assertEquals(409, unanswered.status(), unanswered.toString());
        assertEquals("urn:agnt2:problem:channel-payment-not-committed", unanswered.problemType());
        assertEquals(1, acme.gateway.get("/api/v1/channels/" + id).orThrow().getJsonObject("latest").getInt("nonce"));

        // The partner's node restarts from its journal, on the same port; once the server's node has
        // redialled (it backs off between attempts), payments go on.
        partnerNode = startNode(port);
        assertEquals(1, partnerNode.channel(id).orElseThrow().latest().state().nonce(), "resumed from its journal");
        JsonObject paid = payOnceReconnected(acme, id);
        assertEquals(2, paid.getJsonObject("latest").getInt("nonce"));
        JsonObject history = awaitHistory(acme, id, 3);
        assertEquals(2, history.getJsonArray("payments").size(), "the payment that was not co-signed left no record");
    }

    private static JsonObject payOnceReconnected(Partner org, ChannelId id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            GatewayResponse paid = org.gateway.post("/api/v1/channels/" + id + "/payments",
                    "{\"amount\":\"" + FINNEY + "\"}");
            if (paid.status() != 409 || System.nanoTime() > deadline) {
                return paid.orThrow();
            }
            Thread.sleep(500);
        }
    }

    private static String createAgent(Partner org) {
        GatewayResponse created = org.gateway.post("/api/v1/channel-agents", "{}");
        assertEquals(201, created.status(), created.toString());
        return created.body().getString("address");
    }

    private ChannelId open(Partner org, String agent) {
        GatewayResponse opened = org.gateway.post("/api/v1/channels", "{\"agent\":\"" + agent + "\",\"counterparty\":\""
                + partnerKey.address() + "\",\"counterpartyEndpoint\":\"127.0.0.1:" + partnerNode.boundAddress().getPort()
                + "\",\"deposit\":\"" + ONE_ETH + "\",\"counterpartyDeposit\":\"0\"}");
        assertEquals(201, opened.status(), opened.toString());
        assertTrue(opened.body().getJsonObject("l1").getString("txHash").matches("0x[0-9a-f]{64}"));
        ChannelId id = ChannelId.fromHex(opened.body().getJsonObject("channel").getString("id"));
        assertEquals(0, partnerNode.channel(id).orElseThrow().latest().state().nonce(), "both signed the opening state");
        return id;
    }

    /** The history is written by the adapter's inbound listener, just after each update: wait for it. */
    private static JsonObject awaitHistory(Partner org, ChannelId id, int states) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonObject history;
        do {
            history = org.gateway.get("/api/v1/channels/" + id + "/history").orThrow();
            if (history.getJsonArray("states").size() >= states) {
                return history;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("history has " + history.getJsonArray("states").size() + " states, expected " + states);
    }
}
