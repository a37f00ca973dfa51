package it.io.agnt2;

import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.eip712.Eip712Domain;
import io.agnt2.protocol.interaction.Register;
import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.interaction.Transfer;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;
import io.agnt2.sidecar.gateway.GatewayResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of bad interaction is refused with a precise problem, and nothing changes: the
 * sender's record is the same afterwards and a valid transfer with the expected nonce still goes through.
 */
class BadInputIT {

    private static Partner acme;
    private static Partner globex;
    private static JsonObject acmeBefore;

    @BeforeAll
    static void twoRegisteredAgents() {
        acme = Partner.acme().registered();
        globex = Partner.globex().registered();
        acmeBefore = acme.record();
    }

    @Test
    void refusedInteractionsChangeNothing() {
        Transfer transfer = acme.transferTo(globex, 10);
        Eip712Domain domain = acme.domain;

        // badly signed: another key signs acme's transfer
        assertProblem(400, "bad-signature", acme.gateway.submit(new SignedInteraction(transfer,
                AgentKey.generate().sign(SignedInteraction.digest(transfer, domain))), domain));
        // wrong chain: signed and declared for another chain id
        Eip712Domain otherChain = new Eip712Domain(domain.name(), domain.version(), domain.chainId() + 1,
                domain.verifyingContract());
        assertProblem(400, "wrong-chain", acme.gateway.submit(
                SignedInteraction.sign(transfer, acme.agent, otherChain), otherChain));
        // signed for another chain, sent as if for ours: the signature does not verify here
        assertProblem(400, "bad-signature", acme.gateway.submit(
                SignedInteraction.sign(transfer, acme.agent, otherChain), domain));
        // over balance
        assertProblem(409, "insufficient-balance",
                acme.submit(new Transfer(acme.address(), globex.address(), Wei.of("1000000000000000000000"),
                        transfer.nonce())));
        // a nonce from the future
        assertProblem(409, "nonce-mismatch",
                acme.submit(new Transfer(acme.address(), globex.address(), Wei.of(1), transfer.nonce().next())));
        // globex submits acme's (validly signed) transfer
        assertProblem(403, "foreign-agent",
                globex.gateway.submit(SignedInteraction.sign(transfer, acme.agent, domain), domain));
        // acme registers an agent for globex
        AgentKey stranger = AgentKey.generate();
        assertProblem(403, "foreign-agent", acme.gateway.submit(SignedInteraction.sign(
                new Register(stranger.address(), "globex", "", new Nonce(0)), stranger, domain), domain));

        assertEquals(acmeBefore, acme.record(), "no refused interaction changed acme's agent");

        // the same transfer, signed properly, goes through once; its replay is refused
        String hash = acme.pay(globex, 10);
        assertProblem(409, "duplicate-interaction", acme.gateway.submit(
                SignedInteraction.sign(transfer, acme.agent, domain), domain));
        acme.gateway.awaitIncluded(hash, Partner.BLOCK_WAIT);
        assertEquals(acmeBefore.getInt("nonce") + 1, acme.record().getInt("nonce"));
    }

    @Test
    void unsignedMalformedAndOversizedBodiesGetProblemJson() throws Exception {
        JsonObject before = acme.record();
        JsonObject unsigned = Json.createObjectBuilder().add("kind", "TRANSFER").add("chainId", acme.domain.chainId())
                .add("from", acme.address().toString()).add("to", globex.address().toString())
                .add("amount", "1").add("nonce", 5).build();
        assertProblem(400, "invalid-field", post(acme.token, unsigned.toString()));
        assertProblem(400, "invalid-field", post(acme.token, "[1,2,3]"));
        assertProblem(400, "bad-request", post(acme.token, "{\"kind\": \"TRANSFER\", "));
        assertProblem(400, "invalid-field", post(acme.token, "{\"kind\": \"MINT\"}"));
        assertProblem(400, "invalid-field", post(acme.token, unsigned.toString().replace("\"1\"", "\"-5\"")));
        assertProblem(413, "body-too-large", post(acme.token, "{\"kind\":\"" + "x".repeat(70_000) + "\"}"));
        assertEquals(before, acme.record(), "no refused body changed acme's agent");
    }

    @Test
    void everyCallNeedsAToken() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(Partner.GATEWAY.resolve("/api/v1/agents/" + acme.address())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode());
        assertEquals(401, post("not-a-jwt", "{}").status());
    }

    private static GatewayResponse post(String token, String body) throws Exception {
        URI uri = Partner.GATEWAY.resolve("/api/v1/interactions");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonObject json = response.body().isBlank() ? JsonObject.EMPTY_JSON_OBJECT
                : Json.createReader(new StringReader(response.body())).readObject();
        return new GatewayResponse("POST " + uri, response.statusCode(), json);
    }

    private static void assertProblem(int status, String slug, GatewayResponse response) {
        assertEquals(status, response.status(), () -> "status for " + response);
        assertEquals("urn:agnt2:problem:" + slug, response.problemType(), () -> "problem for " + response);
        assertFalse(response.body().toString().contains("Exception"), "no internals in " + response.body());
        assertTrue(response.body().containsKey("detail"), "a detail for people in " + response.body());
    }
}
