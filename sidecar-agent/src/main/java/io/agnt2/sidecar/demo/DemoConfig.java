package io.agnt2.sidecar.demo;

import io.agnt2.sidecar.Settings;

import java.net.URI;
import java.time.Duration;

/** Where the demo's servers are and which Keycloak clients play the two organisations. */
record DemoConfig(URI gateway, URI keycloak, String realm, String scope, Organisation acme, Organisation globex,
                  Duration inclusionTimeout, Duration settlementTimeout) {

    /** An organisation as the demo knows it: its name in REGISTER and its Keycloak client. */
    record Organisation(String name, String clientId, String clientSecret) {
    }

    static DemoConfig from(Settings settings) {
        return new DemoConfig(
                URI.create(settings.get("agnt2.demo.gateway", "http://127.0.0.1:9080")),
                URI.create(settings.get("agnt2.demo.keycloak", "http://127.0.0.1:8180")),
                settings.get("agnt2.demo.realm", "agnt2"),
                settings.find("agnt2.demo.scope").orElse(null),
                organisation(settings, "acme"),
                organisation(settings, "globex"),
                Duration.ofSeconds(settings.getInt("agnt2.demo.inclusion-timeout-seconds", 30)),
                Duration.ofSeconds(settings.getInt("agnt2.demo.settlement-timeout-seconds", 120)));
    }

    private static Organisation organisation(Settings settings, String name) {
        String prefix = "agnt2.demo." + name + ".";
        return new Organisation(
                settings.get(prefix + "organization", name),
                settings.get(prefix + "client-id", name + "-agent"),
                settings.get(prefix + "client-secret", name + "-secret"));
    }
}
