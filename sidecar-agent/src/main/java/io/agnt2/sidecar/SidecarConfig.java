package io.agnt2.sidecar;

import io.agnt2.protocol.agent.AgentKey;

import java.net.URI;

/** What a sidecar needs: where to listen, where to forward, and the key it signs responses with. */
public record SidecarConfig(int listenPort, URI upstream, AgentKey key, boolean keyGenerated) {

    public static final String LISTEN_PORT = "agnt2.sidecar.listen-port";
    public static final String UPSTREAM = "agnt2.sidecar.upstream";
    public static final String KEY = "agnt2.sidecar.key";
    public static final int DEFAULT_LISTEN_PORT = 8090;

    public SidecarConfig {
        if (listenPort < 0 || listenPort > 65535) {
            throw new IllegalArgumentException(LISTEN_PORT + " must be 0..65535, got " + listenPort);
        }
        String scheme = upstream.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || upstream.getHost() == null) {
            throw new IllegalArgumentException(UPSTREAM + " must be an http(s) URL, got " + upstream);
        }
    }

    public static SidecarConfig from(Settings settings) {
        int port = settings.getInt(LISTEN_PORT, DEFAULT_LISTEN_PORT);
        URI upstream = URI.create(settings.require(UPSTREAM, "the URL of the agent this sidecar fronts"));
        return settings.find(KEY)
                .map(hex -> new SidecarConfig(port, upstream, AgentKey.fromHex(hex.trim()), false))
                .orElseGet(() -> new SidecarConfig(port, upstream, AgentKey.generate(), true));
    }
}
