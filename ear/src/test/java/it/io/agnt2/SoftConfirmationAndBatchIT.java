package it.io.agnt2;

import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.interaction.Transfer;
import io.agnt2.sidecar.gateway.GatewayResponse;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A submitter waits for its block; a batch goes in at once; new blocks stream out as events. */
class SoftConfirmationAndBatchIT {

    private static Partner acme;
    private static Partner globex;

    @BeforeAll
    static void twoRegisteredAgents() {
        acme = Partner.acme().registered();
        globex = Partner.globex().registered();
    }

    @Test
    void submitterIsAnsweredOnceItsBlockCommits() {
        Transfer transfer = acme.transferTo(globex, 5);
        GatewayResponse confirmed = acme.gateway.submitAndWait(acme.signed(transfer), acme.domain, 10);
        acme.used();
        assertEquals(200, confirmed.status(), () -> "confirmed: " + confirmed);
        assertEquals("INCLUDED", confirmed.body().getString("status"));
        assertTrue(confirmed.body().getJsonNumber("blockNumber").longValue() > 0);
    }

    @Test
    void aBatchIsAcceptedItemByItemInOrder() {
        long before = Long.parseLong(globex.record().getString("balance"));
        List<SignedInteraction> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            batch.add(acme.signed(acme.transferTo(globex, 7)));
            acme.used();
        }
        batch.add(batch.get(0)); // the same interaction twice: refused, the rest stands
        JsonObject result = acme.gateway.submitBatch(batch, acme.domain).orThrow();
        assertEquals(3, result.getInt("accepted"), result::toString);
        assertEquals(1, result.getInt("refused"));
        assertEquals("urn:agnt2:problem:duplicate-interaction",
                result.getJsonArray("items").getJsonObject(3).getJsonObject("problem").getString("type"));
        acme.gateway.awaitIncluded(result.getJsonArray("items").getJsonObject(2).getString("hash"), Partner.BLOCK_WAIT);
        assertEquals(before + 21, Long.parseLong(globex.record().getString("balance")));
    }

    @Test
    void malformedAndOversizedBatchesChangeNothing() {
        JsonObject before = acme.record();
        Transfer next = acme.transferTo(globex, 1);
        String good = io.agnt2.sidecar.gateway.InteractionJson.of(acme.signed(next), acme.domain).toString();
        assertEquals(400, acme.gateway.post("/api/v1/interactions/batch", "{}").status());
        assertEquals(400, acme.gateway.post("/api/v1/interactions/batch", "[]").status());
        GatewayResponse oneBad = acme.gateway.post("/api/v1/interactions/batch", "[" + good + ", {\"kind\":\"TRANSFER\"}]");
        assertEquals(400, oneBad.status());
        assertTrue(oneBad.body().getString("detail").startsWith("item 1: "), oneBad::toString);
        String tooMany = "[" + String.join(",", java.util.Collections.nCopies(1001, good)) + "]";
        GatewayResponse oversized = acme.gateway.post("/api/v1/interactions/batch", tooMany);
        assertTrue(oversized.status() == 400 || oversized.status() == 413, oversized::toString);
        assertEquals(before, acme.record(), "no refused batch changed acme's agent");
        assertEquals(404, acme.gateway.get("/api/v1/interactions/"
                + io.agnt2.protocol.Hex.encode(SignedInteraction.digest(next, acme.domain))).status());
    }

    @Test
    void newBlocksStreamAsServerSentEvents() throws Exception {
        CompletableFuture<String> firstBlock = HttpClient.newHttpClient().sendAsync(HttpRequest
                        .newBuilder(Partner.GATEWAY.resolve("/api/v1/blocks/stream"))
                        .header("Authorization", "Bearer " + acme.token).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream())
                .thenApplyAsync(SoftConfirmationAndBatchIT::firstData);
        // blocks close only when there is something to include: keep paying until the stream has one
        for (int attempt = 0; attempt < 20 && !firstBlock.isDone(); attempt++) {
            acme.pay(globex, 1);
            try {
                firstBlock.get(1, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException notYet) {
                // pay again
            }
        }
        String event = firstBlock.get(1, TimeUnit.SECONDS);
        assertTrue(event != null && event.contains("\"stateRoot\""), "a block event: " + event);
    }

    private static String firstData(HttpResponse<InputStream> stream) {
        assertEquals(200, stream.statusCode());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("data:")) {
                    return line.substring(5).trim();
                }
            }
            return null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
