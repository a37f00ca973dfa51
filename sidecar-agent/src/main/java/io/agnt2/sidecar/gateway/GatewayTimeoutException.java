package io.agnt2.sidecar.gateway;

import java.time.Duration;

/** A polling helper gave up: the gateway answered, but never with the state awaited. */
public final class GatewayTimeoutException extends RuntimeException {

    public GatewayTimeoutException(String awaited, Duration timeout, Object lastSeen) {
        super(awaited + " did not happen within " + timeout.toMillis() + " ms; last seen: " + lastSeen);
    }
}
