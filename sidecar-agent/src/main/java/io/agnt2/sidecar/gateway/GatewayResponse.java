package io.agnt2.sidecar.gateway;

import jakarta.json.JsonObject;

/**
 * An HTTP answer with its JSON body: the resource on 2xx, an RFC 9457 problem otherwise. Tests assert
 * on {@link #problemType()}; the demo calls {@link #orThrow()}.
 */
public record GatewayResponse(String request, int status, JsonObject body) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The problem's {@code type}, or null on success or when the error body had none. */
    public String problemType() {
        return isSuccess() ? null : body.getString("type", null);
    }

    /** The body on 2xx; otherwise a {@link GatewayException} carrying the problem. */
    public JsonObject orThrow() {
        if (!isSuccess()) {
            throw new GatewayException(request, status, body);
        }
        return body;
    }

    /** The {@code hash} of an accepted interaction (202 {@code {"hash","status"}}). */
    public String hash() {
        return orThrow().getString("hash");
    }
}
