package io.agnt2.sidecar.gateway;

import jakarta.json.JsonObject;

/** The gateway (or Keycloak) answered outside 2xx; carries the RFC 9457 problem it sent. */
public final class GatewayException extends RuntimeException {

    private final int status;
    private final transient JsonObject problem;

    public GatewayException(String request, int status, JsonObject problem) {
        super(request + " -> HTTP " + status + describe(problem));
        this.status = status;
        this.problem = problem;
    }

    private static String describe(JsonObject problem) {
        StringBuilder text = new StringBuilder();
        // Keycloak's OAuth errors use error/error_description instead of title/detail.
        for (String field : new String[] {"title", "detail", "error", "error_description"}) {
            String value = problem.getString(field, null);
            if (value != null) {
                text.append(": ").append(value);
            }
        }
        String type = problem.getString("type", null);
        return type == null ? text.toString() : text + " (type " + type + ")";
    }

    public int status() {
        return status;
    }

    public JsonObject problem() {
        return problem;
    }

    public String type() {
        return problem.getString("type", null);
    }

    public String title() {
        return problem.getString("title", null);
    }

    public String detail() {
        return problem.getString("detail", null);
    }
}
