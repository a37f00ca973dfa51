package io.agnt2.sidecar.gateway;

import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.interaction.Transfer;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;
import io.agnt2.sidecar.FakeHttpServer;
import io.agnt2.sidecar.FakeHttpServer.Answer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.agnt2.sidecar.gateway.InteractionJsonTest.*;
import static org.junit.jupiter.api.Assertions.*;

/** Against a fake gateway and a fake Keycloak on loopback: wire format, problems, polling. */
class GatewayClientTest {

    private static final String HASH = "0x" + "ab".repeat(32);
    private static final String PROBLEM = """
            {"type":"https://agnt2.io/problems/bad-signature","title":"Bad signature","status":400,
             "detail":"signature does not recover to from"}""";

    private final FakeHttpServer fake = new FakeHttpServer();
    private final GatewayClient client = new GatewayClient(fake.uri(), "token-123");

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void readsTheDomain() {
        fake.on("GET /api/v1/domain", 200, """
                {"domain":{"name":"AGNT2","version":"1","chainId":31337,
                 "verifyingContract":"0x5FbDB2315678afecb367f032d93F642f64180aa3"},
                 "types":{},"primaryTypes":["Register","Transfer"]}""");
        assertEquals(DOMAIN, client.domain());
        assertEquals("Bearer token-123", fake.received().getFirst().header("Authorization"));
    }

    @Test
    void submitsJsonAndReturnsTheHash() {
        fake.on("POST /api/v1/interactions", 202, "{\"hash\":\"" + HASH + "\",\"status\":\"PENDING\"}");
        SignedInteraction signed = signedTransfer();
        GatewayResponse response = client.submit(signed, DOMAIN);
        assertTrue(response.isSuccess());
        assertEquals(HASH, response.hash());
        FakeHttpServer.Received request = fake.received().getFirst();
        assertEquals("application/json", request.header("Content-Type"));
        assertEquals(InteractionJson.of(signed, DOMAIN).toString(), request.body());
    }

    @Test
    void aRejectedSubmissionCarriesTheProblem() {
        fake.on("POST /api/v1/interactions", 400, PROBLEM);
        GatewayResponse response = client.submit(signedTransfer(), DOMAIN);
        assertEquals(400, response.status());
        assertEquals("https://agnt2.io/problems/bad-signature", response.problemType());
        GatewayException thrown = assertThrows(GatewayException.class, response::orThrow);
        assertEquals("Bad signature", thrown.title());
        assertTrue(thrown.getMessage().contains("HTTP 400: Bad signature: signature does not recover to from"),
                thrown.getMessage());
    }

    @Test
    void readsThrowOnErrorsWithTheProblem() {
        GatewayException thrown = assertThrows(GatewayException.class, () -> client.agent(ALICE.address()));
        assertEquals(404, thrown.status());
        assertEquals("urn:test:no-route", thrown.type());
        assertTrue(thrown.getMessage().contains("/api/v1/agents/" + ALICE.address()), thrown.getMessage());
    }

    @Test
    void anErrorPageThatIsNotJsonStillBecomesAProblem() {
        fake.on("GET /api/v1/blocks/9", request -> new Answer(500, "text/html", "<html>boom</html>", Map.of()));
        GatewayException thrown = assertThrows(GatewayException.class, () -> client.block(9));
        assertEquals(500, thrown.status());
        assertEquals("<html>boom</html>", thrown.detail());
    }

    @Test
    void awaitIncludedPollsPastPendingAndNotFound() {
        AtomicInteger calls = new AtomicInteger();
        fake.on("GET /api/v1/interactions/" + HASH, request -> switch (calls.incrementAndGet()) {
            case 1 -> Answer.json(404, "{\"title\":\"Not Found\",\"status\":404}");
            case 2 -> Answer.json(200, "{\"hash\":\"" + HASH + "\",\"status\":\"PENDING\"}");
            default -> Answer.json(200, "{\"hash\":\"" + HASH + "\",\"status\":\"INCLUDED\",\"blockNumber\":4}");
        });
        JsonObject included = client.awaitIncluded(HASH, Duration.ofSeconds(5));
        assertEquals(4, GatewayClient.longValue(included, "blockNumber"));
        assertEquals(3, calls.get());
    }

    @Test
    void awaitSettledWaitsForTheSettlementStatus() {
        AtomicInteger calls = new AtomicInteger();
        fake.on("GET /api/v1/blocks/4", request -> Answer.json(200, calls.incrementAndGet() < 3
                ? "{\"number\":4,\"settlement\":null}"
                : "{\"number\":4,\"settlement\":{\"status\":\"SETTLED\",\"l1TxHash\":\"0x01\",\"l1BlockNumber\":12}}"));
        JsonObject block = client.awaitSettled(4, Duration.ofSeconds(5));
        assertEquals("0x01", block.getJsonObject("settlement").getString("l1TxHash"));
    }

    @Test
    void awaitingGivesUpWithTheLastStateSeen() {
        fake.on("GET /api/v1/interactions/" + HASH, 200, "{\"status\":\"PENDING\"}");
        GatewayTimeoutException thrown = assertThrows(GatewayTimeoutException.class,
                () -> client.awaitIncluded(HASH, Duration.ofMillis(250)));
        assertTrue(thrown.getMessage().contains("PENDING"), thrown.getMessage());
    }

    @Test
    void fetchesAClientCredentialsToken() {
        fake.on("POST /realms/agnt2/protocol/openid-connect/token", 200,
                "{\"access_token\":\"eyJ.abc\",\"token_type\":\"Bearer\",\"expires_in\":300}");
        assertEquals("eyJ.abc", GatewayClient.fetchToken(fake.uri(), "agnt2", "acme-agent", "s3cr&t", "organization"));
        FakeHttpServer.Received request = fake.received().getFirst();
        assertEquals("application/x-www-form-urlencoded", request.header("Content-Type"));
        assertEquals("grant_type=client_credentials&client_id=acme-agent&client_secret=s3cr%26t&scope=organization",
                request.body());
    }

    @Test
    void aRefusedTokenRequestSaysWhy() {
        fake.on("POST /realms/agnt2/protocol/openid-connect/token", 401,
                "{\"error\":\"unauthorized_client\",\"error_description\":\"Invalid client or Invalid client credentials\"}");
        GatewayException thrown = assertThrows(GatewayException.class,
                () -> GatewayClient.fetchToken(fake.uri(), "agnt2", "acme-agent", "wrong"));
        assertEquals(401, thrown.status());
        assertTrue(thrown.getMessage().contains("Invalid client credentials"), thrown.getMessage());
    }

    private static SignedInteraction signedTransfer() {
        return SignedInteraction.sign(new Transfer(ALICE.address(), BOB.address(), Wei.of(5), Nonce.of(1)), ALICE, DOMAIN);
    }
}
