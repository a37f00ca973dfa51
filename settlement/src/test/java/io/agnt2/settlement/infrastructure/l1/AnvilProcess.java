package io.agnt2.settlement.infrastructure.l1;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real anvil (Foundry's local Ethereum node, from the npm package {@code @foundry-rs/anvil}) for
 * integration tests: {@code try (AnvilProcess anvil = AnvilProcess.start()) { ... anvil.rpcUrl() ... }}.
 *
 * <p>Binary: system property {@code anvil.binary} (the pom passes
 * {@code node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil}), else that path looked up from the
 * working directory upwards. Listens on 127.0.0.1 and a free port; {@code HOME} points at a temp
 * folder so anvil writes nothing under {@code ~/.foundry}; output goes to {@code anvil.log} there.
 */
public final class AnvilProcess implements AutoCloseable {

    /** Anvil's default chain id. */
    public static final long CHAIN_ID = 31337;
    /** Anvil's deterministic dev accounts (mnemonic "test test ... junk"), index 0, 1 and 2. */
    public static final String KEY_0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    public static final String ADDRESS_0 = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
    public static final String KEY_1 = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    public static final String ADDRESS_1 = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
    public static final String KEY_2 = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a";

    private static final String RELATIVE_BINARY = "node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final Path home;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private AnvilProcess(Process process, Path home, int port) {
        this.process = process;
        this.home = home;
        this.port = port;
    }

    public static AnvilProcess start(String... extraArgs) {
        Path binary = findBinary();
        IOException lastPortClash = null;
        for (int attempt = 0; attempt < 3; attempt++) { // a free port can be taken between probe and bind
            int port = freePort();
            Path home;
            try {
                home = Files.createTempDirectory("anvil-home-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String> cmd = new java.util.ArrayList<>(List.of(binary.toString(),
                    "--host", "127.0.0.1", "--port", Integer.toString(port), "--silent"));
            cmd.addAll(List.of(extraArgs));
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("anvil.log").toFile());
            pb.environment().put("HOME", home.toString());
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                deleteTree(home);
                throw new UncheckedIOException("cannot start " + binary, e);
            }
            AnvilProcess anvil = new AnvilProcess(p, home, port);
            try {
                anvil.awaitReady();
                return anvil;
            } catch (IOException e) {
                lastPortClash = e;
                anvil.close();
            }
        }
        throw new IllegalStateException("anvil did not start", lastPortClash);
    }

    public String rpcUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Raw JSON-RPC call (for anvil's own methods such as {@code evm_mine}); returns the response body. */
    public String rpc(String method, String paramsJson) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + paramsJson + "}";
        HttpRequest req = HttpRequest.newBuilder(URI.create(rpcUrl()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            String response = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
            if (response.contains("\"error\"")) {
                throw new IllegalStateException(method + " failed: " + response);
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("anvil exited with " + process.exitValue() + ": " + log());
            }
            try {
                if (rpc("eth_chainId", "[]").contains("\"result\"")) {
                    return;
                }
            } catch (UncheckedIOException e) {
                last = e.getCause();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        throw new IOException("anvil did not answer eth_chainId within " + START_TIMEOUT + ": " + log(), last);
    }

    private String log() {
        try {
            return Files.readString(home.resolve("anvil.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteTree(home);
    }

    private static Path findBinary() {
        String configured = System.getProperty("anvil.binary");
        if (configured != null && !configured.isBlank()) {
            Path p = Paths.get(configured).toAbsolutePath().normalize();
            if (Files.isExecutable(p)) {
                return p;
            }
            throw new IllegalStateException("anvil.binary=" + configured + " is not an executable file; run `npm ci` at the repo root");
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE_BINARY);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(RELATIVE_BINARY + " not found from " + Paths.get("").toAbsolutePath()
                + "; run `npm ci` at the repo root");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
