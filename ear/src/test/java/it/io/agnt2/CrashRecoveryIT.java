package it.io.agnt2;

import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.interaction.Register;
import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.interaction.Transfer;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;
import io.agnt2.sidecar.gateway.GatewayResponse;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 of the server while partners are submitting: after a restart every interaction the gateway
 * acknowledged is in a block (the durable log was the commit point; the core replays it and checks the
 * replayed blocks' roots against the logged ones), and the agents' balances add up.
 */
class CrashRecoveryIT {

    private static final Path WLP = Path.of(System.getProperty("wlp.dir", "target/liberty/wlp"));
    private static final int SENDERS = 20;

    @Test
    void acknowledgedInteractionsSurviveAKill() throws Exception {
        Partner acme = Partner.acme();
        List<AgentKey> senders = new ArrayList<>();
        List<SignedInteraction> registrations = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            AgentKey key = AgentKey.generate();
            senders.add(key);
            registrations.add(SignedInteraction.sign(new Register(key.address(), "acme", "", Nonce.ZERO), key, acme.domain));
        }
        JsonObject registered = acme.gateway.submitBatch(registrations, acme.domain).orThrow();
        acme.gateway.awaitIncluded(registered.getJsonArray("items").getJsonObject(SENDERS - 1).getString("hash"),
                Partner.BLOCK_WAIT);
        AgentKey receiver = senders.getFirst();

        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(SENDERS - 1);
        List<Future<?>> streams = new ArrayList<>();
        for (AgentKey sender : senders.subList(1, SENDERS)) {
            streams.add(load.submit(() -> pay(acme, sender, receiver, running, acknowledged)));
        }
        Thread.sleep(3_000);
        kill9();
        running.set(false);
        load.shutdown();
        assertTrue(load.awaitTermination(60, TimeUnit.SECONDS));
        int acked = acknowledged.size();
        assertTrue(acked > 0, "some interactions were acknowledged before the kill");

        start();
        for (String hash : List.copyOf(acknowledged)) {
            acme.gateway.awaitIncluded(hash, Duration.ofSeconds(60));
        }
        long received = Long.parseLong(acme.gateway.agent(receiver.address()).getString("balance"));
        long grant = 1_000_000;
        assertTrue(received >= grant + acked, "the receiver got every acknowledged payment: " + received + " for " + acked);
        long total = 0;
        for (AgentKey sender : senders) {
            total += Long.parseLong(acme.gateway.agent(sender.address()).getString("balance"));
        }
        assertEquals(grant * SENDERS, total, "value is conserved across the crash");
    }

    /** Pays 1 wei per request, in order, until told to stop or the server goes away. */
    private static void pay(Partner acme, AgentKey sender, AgentKey receiver, AtomicBoolean running, List<String> acked) {
        long nonce = 1;
        while (running.get()) {
            SignedInteraction signed = SignedInteraction.sign(
                    new Transfer(sender.address(), receiver.address(), Wei.of(1), new Nonce(nonce)), sender, acme.domain);
            GatewayResponse response;
            try {
                response = acme.gateway.submit(signed, acme.domain);
            } catch (RuntimeException serverGone) {
                return;
            }
            if (response.status() != 202) {
                return;
            }
            acked.add(response.hash());
            nonce++;
        }
    }

    private static void kill9() throws Exception {
        String pid = Files.readString(WLP.resolve("usr/servers/.pid/agnt2.pid")).strip();
        Process kill = new ProcessBuilder("kill", "-9", pid).inheritIO().start();
        assertEquals(0, kill.waitFor());
        for (int i = 0; i < 100 && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(100);
        }
    }

    private static void start() throws Exception {
        Process start = new ProcessBuilder(WLP.resolve("bin/server").toString(), "start", "agnt2")
                .inheritIO().start();
        assertEquals(0, start.waitFor(), "server start");
        Partner.awaitReady(Duration.ofMinutes(3));
    }
}
