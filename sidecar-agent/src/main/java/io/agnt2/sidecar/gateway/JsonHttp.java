package io.agnt2.sidecar.gateway;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** JSON over HTTP: sends a request, returns status and body parsed as a JSON object. */
final class JsonHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;

    JsonHttp(HttpClient client) {
        this.client = client;
    }

    static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json, application/problem+json");
    }

    GatewayResponse send(HttpRequest request) {
        String what = request.method() + " " + request.uri();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + what + " (is it running?): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + what, e);
        }
        return new GatewayResponse(what, response.statusCode(), parse(what, response));
    }

    /**
     * An error page that is not JSON (a proxy's HTML, an empty 404) still becomes a problem object, so
     * callers always get {@code title} and {@code detail}; a 2xx that is not a JSON object is a bug upstream.
     */
    private static JsonObject parse(String what, HttpResponse<String> response) {
        String body = response.body();
        boolean success = response.statusCode() >= 200 && response.statusCode() < 300;
        if (body == null || body.isBlank()) {
            return success ? JsonValue.EMPTY_JSON_OBJECT : problem(response.statusCode(), "empty body");
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | ClassCastException notAnObject) {
            String excerpt = body.length() > 300 ? body.substring(0, 300) + "..." : body;
            if (success) {
                throw new GatewayException(what, response.statusCode(), problem(response.statusCode(),
                        "expected a JSON object, got: " + excerpt));
            }
            return problem(response.statusCode(), excerpt);
        }
    }

    private static JsonObject problem(int status, String detail) {
        return Json.createObjectBuilder()
                .add("title", "HTTP " + status)
                .add("status", status)
                .add("detail", detail)
                .build();
    }
}
