package io.agnt2.sidecar;

import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.crypto.Signature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class SidecarServerTest {

    private final AgentKey key = AgentKey.generate();
    private final HttpClient client = HttpClient.newHttpClient();
    private FakeHttpServer upstream;
    private SidecarServer sidecar;

    @BeforeEach
    void start() throws Exception {
        upstream = new FakeHttpServer()
                .on("POST /api/echo", request -> new FakeHttpServer.Answer(201, "text/plain",
                        "echo " + request.body(), Map.of("X-Upstream", "yes")))
                .on("GET /api/empty", request -> new FakeHttpServer.Answer(204, "text/plain", "", Map.of()));
        sidecar = SidecarServer.start(new SidecarConfig(0, upstream.uri(), key, false));
    }

    @AfterEach
    void stop() {
        sidecar.close();
        upstream.close();
        client.close();
    }

    @Test
    void forwardsTheRequestAndSignsTheAnswer() throws Exception {
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(sidecarUri("/api/echo?x=1&y=%20"))
                        .header("X-Custom", "abc")
                        .POST(HttpRequest.BodyPublishers.ofString("ping")).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(201, response.statusCode());
        assertEquals("echo ping", new String(response.body()));
        assertEquals("yes", response.headers().firstValue("X-Upstream").orElseThrow());

        FakeHttpServer.Received forwarded = upstream.received().getFirst();
        assertEquals("POST", forwarded.method());
        assertEquals("/api/echo?x=1&y=%20", forwarded.target());
        assertEquals("abc", forwarded.header("X-Custom"));
        assertEquals("ping", forwarded.body());

        assertEquals(key.address().toString(), response.headers().firstValue(ResponseSignature.ADDRESS_HEADER).orElseThrow());
        Signature signature = Signature.fromHex(response.headers().firstValue(ResponseSignature.SIGNATURE_HEADER).orElseThrow());
        assertEquals(key.address(), ResponseSignature.recoverSigner("POST", "/api/echo?x=1&y=%20", response.body(), signature));
        assertNotEquals(key.address(), ResponseSignature.recoverSigner("POST", "/api/echo", response.body(), signature));
    }

    @Test
    void passesAnEmptyAnswerThroughAndStillSignsIt() throws Exception {
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(sidecarUri("/api/empty")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(204, response.statusCode());
        assertEquals(0, response.body().length);
        Signature signature = Signature.fromHex(response.headers().firstValue(ResponseSignature.SIGNATURE_HEADER).orElseThrow());
        assertEquals(key.address(), ResponseSignature.recoverSigner("GET", "/api/empty", new byte[0], signature));
    }

    @Test
    void passesUpstreamErrorsThrough() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(sidecarUri("/nowhere")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("urn:test:no-route"));
    }

    @Test
    void answers502WithAProblemWhenTheUpstreamIsDown() throws Exception {
        upstream.close();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(sidecarUri("/api/echo")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(502, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains(ForwardingHandler.UPSTREAM_UNAVAILABLE), response.body());
        assertTrue(response.headers().firstValue(ResponseSignature.SIGNATURE_HEADER).isPresent());
    }

    private URI sidecarUri(String target) {
        return URI.create("http://127.0.0.1:" + sidecar.port() + target);
    }
}
