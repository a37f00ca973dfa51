package io.agnt2.sidecar;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.agnt2.protocol.agent.AgentKey;
import jakarta.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Forwards one request to the upstream agent as it came (method, target, end-to-end headers, body)
 * and returns the upstream's answer with the sidecar's signature over it.
 */
final class ForwardingHandler implements HttpHandler {

    static final String UPSTREAM_UNAVAILABLE = "urn:agnt2:problem:upstream-unavailable";

    private static final Logger LOG = Logger.getLogger(ForwardingHandler.class.getName());
    private static final Duration UPSTREAM_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final URI upstream;
    private final AgentKey key;
    private final String address;

    ForwardingHandler(HttpClient client, URI upstream, AgentKey key) {
        this.client = client;
        this.upstream = upstream;
        this.key = key;
        this.address = key.address().toString();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            byte[] requestBody;
            try (InputStream in = exchange.getRequestBody()) {
                requestBody = in.readAllBytes();
            }
            Headers out = exchange.getResponseHeaders();
            int status;
            byte[] body;
            try {
                HttpResponse<byte[]> answer = client.send(upstreamRequest(exchange, target, requestBody),
                        HttpResponse.BodyHandlers.ofByteArray());
                status = answer.statusCode();
                body = answer.body();
                copyHeaders(answer.headers().map(), out);
            } catch (IOException | IllegalArgumentException e) {
                LOG.log(Level.WARNING, "upstream " + upstream + " failed for " + exchange.getRequestMethod() + " " + target, e);
                status = 502;
                body = upstreamUnavailable(e);
                out.set("Content-Type", "application/problem+json");
            }
            out.set(ResponseSignature.ADDRESS_HEADER, address);
            out.set(ResponseSignature.SIGNATURE_HEADER,
                    key.sign(ResponseSignature.digest(exchange.getRequestMethod(), target, body)).toHex());
            boolean noBody = body.length == 0 || "HEAD".equals(exchange.getRequestMethod())
                    || status == 204 || status == 304;
            exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
            if (!noBody) {
                try (OutputStream stream = exchange.getResponseBody()) {
                    stream.write(body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpRequest upstreamRequest(HttpExchange exchange, String target, byte[] body) {
        String basePath = upstream.getRawPath() == null ? "" : upstream.getRawPath().replaceAll("/+$", "");
        URI uri = URI.create(upstream.getScheme() + "://" + upstream.getRawAuthority() + basePath + target);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(UPSTREAM_TIMEOUT)
                .method(exchange.getRequestMethod(), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        Headers in = exchange.getRequestHeaders();
        String connection = in.getFirst("Connection");
        in.forEach((name, values) -> {
            if (HopByHopHeaders.isForwarded(name, connection)) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return request.build();
    }

    private static void copyHeaders(Map<String, List<String>> from, Headers to) {
        String connection = from.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase("connection"))
                .flatMap(entry -> entry.getValue().stream())
                .findFirst().orElse(null);
        from.forEach((name, values) -> {
            if (HopByHopHeaders.isForwarded(name, connection)) {
                to.put(name, List.copyOf(values));
            }
        });
    }

    private byte[] upstreamUnavailable(Exception cause) {
        return Json.createObjectBuilder()
                .add("type", UPSTREAM_UNAVAILABLE)
                .add("title", "Upstream agent unavailable")
                .add("status", 502)
                .add("detail", "the sidecar could not reach " + upstream + ": " + cause)
                .build().toString().getBytes(StandardCharsets.UTF_8);
    }
}
