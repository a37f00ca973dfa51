package io.agnt2.sidecar;

/**
 * Runs a sidecar: {@code java -jar sidecar-agent.jar --agnt2.sidecar.upstream=http://127.0.0.1:8080}
 * (settings: {@link SidecarConfig}; also as {@code -D} properties or environment variables).
 */
public final class SidecarMain {

    private SidecarMain() {
    }

    public static void main(String[] args) throws Exception {
        SidecarConfig config;
        try {
            config = SidecarConfig.from(Settings.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("sidecar: " + e.getMessage());
            System.exit(2);
            return;
        }
        SidecarServer server = SidecarServer.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "sidecar-shutdown"));
        System.out.println("agent address: " + config.key().address());
        if (config.keyGenerated()) {
            System.out.println("(fresh key generated; set " + SidecarConfig.KEY + " to keep the same address)");
        }
        System.out.println("listening on http://127.0.0.1:" + server.port() + ", forwarding to " + config.upstream());
    }
}
