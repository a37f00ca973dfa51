package io.agnt2.sidecar;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The running sidecar: an HTTP server on loopback only (the agent beside it is its sole caller), one
 * virtual thread per request, forwarding through one shared HTTP client.
 */
public final class SidecarServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient client;

    private SidecarServer(HttpServer server, ExecutorService executor, HttpClient client) {
        this.server = server;
        this.executor = executor;
        this.client = client;
    }

    /** Starts listening on 127.0.0.1 at {@code config.listenPort()} (0 picks a free port). */
    public static SidecarServer start(SidecarConfig config) throws IOException {
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER) // the caller sees redirects, as through any proxy
                .executor(executor)
                .build();
        HttpServer server = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), config.listenPort()), 0);
        server.createContext("/", new ForwardingHandler(client, config.upstream(), config.key()));
        server.setExecutor(executor);
        server.start();
        return new SidecarServer(server, executor, client);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        client.close();
        executor.close();
    }
}
