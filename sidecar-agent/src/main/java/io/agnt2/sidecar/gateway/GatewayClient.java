package io.agnt2.sidecar.gateway;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.eip712.Eip712Domain;
import io.agnt2.protocol.interaction.SignedInteraction;
import jakarta.json.JsonNumber;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A client of the gateway's REST API ({@code /api/v1}), authenticated by a Keycloak bearer token.
 * Reads return the resource as JSON; any status outside 2xx becomes a {@link GatewayException} with
 * the problem the gateway sent, except {@link #submit}, which returns the {@link GatewayResponse} so
 * that tests can assert on rejections.
 */
public final class GatewayClient {

    public static final String INCLUDED = "INCLUDED";
    public static final String SETTLED = "SETTLED";
    public static final String SETTLEMENT_FAILED = "FAILED";

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final String base;
    private final String authorization;
    private final JsonHttp http;

    public GatewayClient(URI gatewayBase, String bearerToken) {
        this(gatewayBase, bearerToken, HttpClient.newHttpClient());
    }

    public GatewayClient(URI gatewayBase, String bearerToken, HttpClient client) {
        this.base = withoutTrailingSlash(gatewayBase);
        this.authorization = "Bearer " + bearerToken;
        this.http = new JsonHttp(client);
    }

    /** A client-credentials token from Keycloak, with the client's default scopes. */
    public static String fetchToken(URI keycloakBase, String realm, String clientId, String clientSecret) {
        return fetchToken(keycloakBase, realm, clientId, clientSecret, null);
    }

    /** A client-credentials token; {@code scope} (e.g. {@code "organization"}) is added when not null. */
    public static String fetchToken(URI keycloakBase, String realm, String clientId, String clientSecret,
                                    String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        if (scope != null) {
            form.put("scope", scope);
        }
        String body = form.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI uri = URI.create(withoutTrailingSlash(keycloakBase) + "/realms/"
                + URLEncoder.encode(realm, StandardCharsets.UTF_8) + "/protocol/openid-connect/token");
        HttpRequest request = JsonHttp.request(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            JsonObject token = new JsonHttp(client).send(request).orThrow();
            if (!(token.get("access_token") instanceof JsonString accessToken)) {
                throw new GatewayException(request.method() + " " + uri, 200, token);
            }
            return accessToken.getString();
        }
    }

    /** {@code GET /api/v1/domain}: the EIP-712 domain to sign under. */
    public Eip712Domain domain() {
        JsonObject domain = get("/api/v1/domain").orThrow().getJsonObject("domain");
        return new Eip712Domain(domain.getString("name"), domain.getString("version"),
                longValue(domain, "chainId"), AgentAddress.of(domain.getString("verifyingContract")));
    }

    /** {@code POST /api/v1/interactions}: 202 {@code {"hash","status"}} or a problem. */
    public GatewayResponse submit(SignedInteraction signed, Eip712Domain domain) {
        return post("/api/v1/interactions", InteractionJson.of(signed, domain).toString());
    }

    /**
     * {@code POST /api/v1/interactions?wait=N}: answers once the interaction's block committed (200, the
     * interaction with its {@code blockNumber}) or after N seconds (202, still PENDING), or a problem.
     */
    public GatewayResponse submitAndWait(SignedInteraction signed, Eip712Domain domain, int waitSeconds) {
        return post("/api/v1/interactions?wait=" + waitSeconds, InteractionJson.of(signed, domain).toString());
    }

    /** {@code POST /api/v1/interactions/batch}: {@code {"accepted","refused","items":[...]}} or a problem. */
    public GatewayResponse submitBatch(List<SignedInteraction> batch, Eip712Domain domain) {
        return post("/api/v1/interactions/batch", batchJson(batch, domain));
    }

    /** The body of {@code POST /api/v1/interactions/batch}: for a client that encodes ahead of sending. */
    public static String batchJson(List<SignedInteraction> batch, Eip712Domain domain) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        batch.forEach(signed -> items.add(InteractionJson.of(signed, domain)));
        return items.build().toString();
    }

    /** Any POST of a JSON body under the gateway, unconverted. */
    public GatewayResponse post(String path, String json) {
        return http.send(authorized(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** {@code GET /api/v1/interactions/{hash}}: {@code status} PENDING or INCLUDED, {@code blockNumber}. */
    public JsonObject interaction(String hash) {
        return get("/api/v1/interactions/" + hash).orThrow();
    }

    /** {@code GET /api/v1/blocks/{n}}: number, stateRoot, dataHash, interactions, settlement. */
    public JsonObject block(long number) {
        return get("/api/v1/blocks/" + number).orThrow();
    }

    /**
     * {@code GET /api/v1/agents/{address}}: address, organization, metadataUri, balance (decimal string),
     * nonce, reputation, channels.
     */
    public JsonObject agent(AgentAddress address) {
        return get("/api/v1/agents/" + address).orThrow();
    }

    /** Polls the agent's record until {@code until} holds (e.g. the rollup recorded an L1 event); a 404 counts as "not yet". */
    public JsonObject awaitAgent(String address, String what, Duration timeout, Predicate<JsonObject> until) {
        return poll("agent " + address + " " + what, timeout, () -> get("/api/v1/agents/" + address), until);
    }

    /** Any GET under the gateway, unconverted: for tests that expect an error status. */
    public GatewayResponse get(String path) {
        return http.send(authorized(path).GET().build());
    }

    /** Polls the interaction until its status is INCLUDED; a 404 counts as "not visible yet". */
    public JsonObject awaitIncluded(String hash, Duration timeout) {
        return poll("interaction " + hash + " " + INCLUDED, timeout, () -> get("/api/v1/interactions/" + hash),
                interaction -> INCLUDED.equals(interaction.getString("status", null)));
    }

    /** Polls the block until its settlement status is SETTLED (on L1); fails at once if settlement FAILED. */
    public JsonObject awaitSettled(long block, Duration timeout) {
        return poll("block " + block + " " + SETTLED + " on L1", timeout, () -> get("/api/v1/blocks/" + block),
                body -> {
                    String status = body.get("settlement") instanceof JsonObject settlement
                            ? settlement.getString("status", null) : null;
                    if (SETTLEMENT_FAILED.equals(status)) {
                        throw new IllegalStateException("settlement of block " + block + " failed: " + body.get("settlement"));
                    }
                    return SETTLED.equals(status);
                });
    }

    /** A number field that the server may send as a JSON number or as a decimal string. */
    public static long longValue(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value instanceof JsonNumber number) {
            return number.longValueExact();
        }
        if (value instanceof JsonString text) {
            return Long.parseLong(text.getString());
        }
        throw new IllegalArgumentException("expected a number in \"" + field + "\", got " + value + " in " + json);
    }

    private JsonObject poll(String awaited, Duration timeout, Supplier<GatewayResponse> fetch,
                            Predicate<JsonObject> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Object lastSeen = "nothing yet";
        while (true) {
            GatewayResponse response = fetch.get();
            if (response.status() != 404) {
                JsonObject body = response.orThrow();
                if (done.test(body)) {
                    return body;
                }
                lastSeen = body;
            } else {
                lastSeen = "404 " + response.body();
            }
            if (System.nanoTime() > deadline) {
                throw new GatewayTimeoutException(awaited, timeout, lastSeen);
            }
            try {
                Thread.sleep(POLL_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while awaiting " + awaited, e);
            }
        }
    }

    private HttpRequest.Builder authorized(String path) {
        return JsonHttp.request(URI.create(base + path)).header("Authorization", authorization);
    }

    private static String withoutTrailingSlash(URI uri) {
        return uri.toString().replaceAll("/+$", "");
    }
}
