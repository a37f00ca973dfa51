package io.agnt2.sidecar.demo;

import io.agnt2.channel.node.ChannelNode;
import io.agnt2.channel.node.ChannelNodeConfig;
import io.agnt2.channel.node.ChannelView;
import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.channel.ChannelDomain;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.value.Wei;
import io.agnt2.sidecar.gateway.GatewayClient;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The channel tier in the demo: globex runs its own channel node in this process (a partner's node
 * would run anywhere; the two talk over TCP), acme gets an agent in the server's custody, opens a
 * channel to globex's agent with a deposit on L1, pays it many times off-chain (each payment co-signed
 * by globex's node and stored by both before the gateway answers), and closes it on L1. The rollup
 * follows the adjudicator: acme's agent record shows the channel while it is open, and its
 * reputation counts the cooperative close.
 */
final class ChannelDemo {

    private static final Wei DEPOSIT = Wei.of("100000000000000000"); // 0.1 ETH
    private static final Wei PAYMENT = Wei.of("1000000000000000"); //  1 finney
    private static final int PAYMENTS = 50;
    /** The server's bridge reads the adjudicator's events every two seconds; then the event waits for a block. */
    private static final Duration BRIDGE_WAIT = Duration.ofSeconds(30);

    private final GatewayClient acme;
    private final Steps steps;

    /** How the demo numbers and prints its steps. */
    interface Steps {
        void begin(String number, String description);

        void say(String format, Object... args);
    }

    ChannelDemo(GatewayClient acme, Steps steps) {
        this.acme = acme;
        this.steps = steps;
    }

    void run() throws IOException {
        steps.begin("10", "reading the channel domain (L1 chain, adjudicator contract) from the gateway");
        JsonObject domain = acme.get("/api/v1/channels/domain").orThrow().getJsonObject("domain");
        long l1ChainId = domain.getJsonNumber("chainId").longValue();
        AgentAddress adjudicator = AgentAddress.of(domain.getString("verifyingContract"));
        steps.say("channel states are signed for L1 chain %d, adjudicator %s", l1ChainId, adjudicator);

        steps.begin("11", "starting globex's own channel node (in this process, on a free port)");
        AgentKey globexAgent = AgentKey.generate();
        Path journal = Files.createTempDirectory("demo-globex-channels");
        try (ChannelNode globexNode = ChannelNode.start(new ChannelNodeConfig(ChannelDomain.of(l1ChainId, adjudicator),
                "127.0.0.1", 0, List.of(globexAgent), journal, null), (channel, state, proposedLocally) -> { })) {
            steps.say("globex's agent %s listens on %s", globexAgent.address(), globexNode.boundAddress());
            runWith(globexNode, globexAgent);
        }
    }

    private void runWith(ChannelNode globexNode, AgentKey globexAgent) {
        steps.begin("12", "acme creates an agent in the server's custody (registered on the rollup, L1 funds from the dev faucet)");
        String acmeAgent = acme.post("/api/v1/channel-agents", "{}").orThrow().getString("address");
        steps.say("acme's channel agent: %s", acmeAgent);

        steps.begin("13", "acme opens a channel to globex's agent: both sign the first state, then acme deposits "
                + DEPOSIT + " wei on L1");
        JsonObject opened = acme.post("/api/v1/channels", "{\"agent\":\"" + acmeAgent + "\",\"counterparty\":\""
                + globexAgent.address() + "\",\"counterpartyEndpoint\":\"127.0.0.1:" + globexNode.boundAddress().getPort()
                + "\",\"deposit\":\"" + DEPOSIT + "\",\"counterpartyDeposit\":\"0\"}").orThrow();
        String id = opened.getJsonObject("channel").getString("id");
        steps.say("channel %s open; L1 tx %s (gas %s)", id, opened.getJsonObject("l1").getString("txHash"),
                opened.getJsonObject("l1").get("gasUsed"));
        JsonObject recorded = acme.awaitAgent(acmeAgent, "to show the channel", BRIDGE_WAIT,
                record -> !record.getJsonArray("channels").isEmpty());
        steps.say("the rollup followed the adjudicator's event: acme's agent record in the trie lists the channel "
                + "(counterparty %s, deposit %s wei)", recorded.getJsonArray("channels").getJsonObject(0).getString("counterparty"),
                recorded.getJsonArray("channels").getJsonObject(0).getString("ownDeposit"));

        steps.begin("14", "acme pays globex " + PAYMENTS + " times " + PAYMENT + " wei over the channel (off-chain)");
        long[] micros = new long[PAYMENTS];
        for (int i = 0; i < PAYMENTS; i++) {
            long start = System.nanoTime();
            acme.post("/api/v1/channels/" + id + "/payments",
                    "{\"amount\":\"" + PAYMENT + "\",\"memo\":\"demo payment " + (i + 1) + "\"}").orThrow();
            micros[i] = (System.nanoTime() - start) / 1_000;
        }
        Arrays.sort(micros);
        ChannelView atGlobex = globexNode.channel(ChannelId.fromHex(id)).orElseThrow();
        steps.say("%d payments, each co-signed and stored by both sides before the answer: p50 %.1f ms through the gateway",
                PAYMENTS, micros[PAYMENTS / 2] / 1000.0);
        steps.say("globex's node holds state %d: acme %s wei, globex %s wei", atGlobex.nonce(),
                atGlobex.latest().state().balanceA(), atGlobex.latest().state().balanceB());

        steps.begin("15", "acme closes the channel cooperatively: both sign the final state, L1 pays both at once");
        JsonObject closed = acme.post("/api/v1/channels/" + id + "/close", "{}").orThrow();
        steps.say("final state %d settled on L1 in tx %s (gas %s); L1 touched %d times for %d payments",
                closed.getJsonObject("channel").getJsonObject("latest").getInt("nonce"),
                closed.getJsonObject("l1").getString("txHash"), closed.getJsonObject("l1").get("gasUsed"), 2, PAYMENTS);
        JsonObject after = acme.awaitAgent(acmeAgent, "to record the close", BRIDGE_WAIT,
                record -> record.getJsonArray("channels").isEmpty());
        steps.say("the rollup recorded the close: no open channel, reputation %s", after.getJsonObject("reputation"));
    }
}
