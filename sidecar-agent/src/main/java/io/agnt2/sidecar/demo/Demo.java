package io.agnt2.sidecar.demo;

import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.eip712.Eip712Domain;
import io.agnt2.protocol.interaction.Interaction;
import io.agnt2.protocol.interaction.Register;
import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.interaction.Transfer;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;
import io.agnt2.sidecar.Settings;
import io.agnt2.sidecar.gateway.GatewayClient;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The product demo ({@code bin/run}): two organisations register agents, one pays the other three
 * times, and the block carrying the payments is followed until it is settled on L1 (the rollup and
 * settlement tiers); then a channel between them takes fifty payments off-chain and closes on L1
 * ({@link ChannelDemo}, the channel tier).
 *
 * <p>Settings ({@code --name=value}, {@code -Dname=value} or environment): {@code agnt2.demo.gateway},
 * {@code agnt2.demo.keycloak}, {@code agnt2.demo.realm}, {@code agnt2.demo.scope},
 * {@code agnt2.demo.acme.client-id} / {@code client-secret} / {@code organization} (same for globex).
 */
public final class Demo {

    private static final int TRANSFERS = 3;

    private final DemoConfig config;
    private String step = "starting";

    /** One organisation's agent: its fresh key and a gateway session under the organisation's token. */
    private record Agent(DemoConfig.Organisation organisation, AgentKey key, GatewayClient gateway) {
        String label() {
            return organisation.name() + "'s agent " + key.address();
        }
    }

    private Demo(DemoConfig config) {
        this.config = config;
    }

    public static void main(String[] args) {
        Demo demo = new Demo(DemoConfig.from(Settings.of(args)));
        try {
            demo.run();
            System.out.println();
            System.out.println("Demo finished.");
        } catch (RuntimeException e) {
            System.err.println();
            System.err.println("Demo failed while " + demo.step + ": " + e.getMessage());
            System.exit(1);
        }
    }

    private void run() {
        System.out.println("AGNT2 demo: gateway " + config.gateway() + ", Keycloak " + config.keycloak()
                + " (realm " + config.realm() + ")");

        begin("1", "getting tokens for two organisations from Keycloak");
        Agent acme = agentOf(config.acme());
        Agent globex = agentOf(config.globex());

        begin("2", "reading the EIP-712 domain from the gateway");
        Eip712Domain domain = acme.gateway().domain();
        say("domain %s v%s, chain %d, rollup contract %s", domain.name(), domain.version(), domain.chainId(),
                domain.verifyingContract());

        begin("3", "registering a fresh agent key for each organisation (REGISTER, nonce 0)");
        String acmeRegistration = submit(acme, register(acme), domain);
        String globexRegistration = submit(globex, register(globex), domain);

        begin("4", "waiting until both registrations are in a block");
        awaitIncluded(acme, acmeRegistration);
        awaitIncluded(globex, globexRegistration);

        begin("5", "reading balances (the dev profile credits a faucet amount on registration)");
        Wei acmeBalance = showBalance(acme);
        showBalance(globex);
        if (acmeBalance.isZero()) {
            throw new IllegalStateException(acme.label() + " has no balance after registering;"
                    + " is the gateway running with the dev profile (faucet)?");
        }

        // A tenth of the faucet per transfer: the story works whatever amount the faucet gives.
        Wei amount = Wei.of(acmeBalance.toBigInteger().divide(BigInteger.TEN).max(BigInteger.ONE));
        begin("6", "acme's agent pays globex's agent " + TRANSFERS + " times " + amount + " wei (TRANSFER, nonces 1.."
                + TRANSFERS + ")");
        List<String> transfers = new ArrayList<>();
        Nonce nonce = Nonce.ZERO;
        for (int i = 0; i < TRANSFERS; i++) {
            nonce = nonce.next();
            transfers.add(submit(acme, new Transfer(acme.key().address(), globex.key().address(), amount, nonce), domain));
        }

        begin("7", "waiting until the transfers are included");
        SortedSet<Long> blocks = new TreeSet<>();
        for (String hash : transfers) {
            blocks.add(awaitIncluded(acme, hash));
        }
        for (long number : blocks) {
            JsonObject block = acme.gateway().block(number);
            say("block %d: %d interactions, state root %s, data hash %s", number,
                    GatewayClient.longValue(block, "interactionCount"), block.getString("stateRoot"),
                    block.getString("dataHash"));
        }

        begin("8", "waiting until " + (blocks.size() == 1 ? "that block is" : "those blocks are") + " settled on L1");
        for (long number : blocks) {
            JsonObject settlement = acme.gateway().awaitSettled(number, config.settlementTimeout())
                    .getJsonObject("settlement");
            say("block %d settled: L1 tx %s in L1 block %s", number, settlement.getString("l1TxHash"),
                    settlement.get("l1BlockNumber"));
        }

        begin("9", "final balances");
        showBalance(acme);
        showBalance(globex);

        try {
            new ChannelDemo(acme.gateway(), new ChannelDemo.Steps() {
                @Override
                public void begin(String number, String description) {
                    Demo.this.begin(number, description);
                }

                @Override
                public void say(String format, Object... args) {
                    Demo.say(format, args);
                }
            }).run();
        } catch (IOException e) {
            throw new UncheckedIOException("the demo's channel node could not start: " + e.getMessage(), e);
        }
    }

    private Agent agentOf(DemoConfig.Organisation organisation) {
        String token = GatewayClient.fetchToken(config.keycloak(), config.realm(), organisation.clientId(),
                organisation.clientSecret(), config.scope());
        AgentKey key = AgentKey.generate();
        say("%s: token for client %s; new agent key %s", organisation.name(), organisation.clientId(), key.address());
        return new Agent(organisation, key, new GatewayClient(config.gateway(), token));
    }

    private static Register register(Agent agent) {
        return new Register(agent.key().address(), agent.organisation().name(),
                "https://" + agent.organisation().name() + ".example/agents/" + agent.key().address() + ".json",
                Nonce.ZERO);
    }

    private static String submit(Agent agent, Interaction interaction, Eip712Domain domain) {
        SignedInteraction signed = SignedInteraction.sign(interaction, agent.key(), domain);
        JsonObject accepted = agent.gateway().submit(signed, domain).orThrow();
        say("%s %s nonce %d -> %s %s", agent.organisation().name(), interaction.kind(), interaction.nonce().value(),
                accepted.getString("hash"), accepted.getString("status", ""));
        return accepted.getString("hash");
    }

    private long awaitIncluded(Agent agent, String hash) {
        JsonObject interaction = agent.gateway().awaitIncluded(hash, config.inclusionTimeout());
        long block = GatewayClient.longValue(interaction, "blockNumber");
        say("%s included in block %d", hash, block);
        return block;
    }

    private static Wei showBalance(Agent agent) {
        JsonObject record = agent.gateway().agent(agent.key().address());
        Wei balance = Wei.of(record.getString("balance"));
        say("%s (%s): balance %s wei, nonce %s", agent.label(), record.getString("organization", "?"), balance,
                record.get("nonce"));
        return balance;
    }

    private void begin(String number, String description) {
        step = "step " + number + " (" + description + ")";
        System.out.println();
        System.out.println(number + ". " + capitalised(description));
    }

    private static void say(String format, Object... args) {
        System.out.println("   " + String.format(format, args));
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
