package io.agnt2.channel.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * TCP (optionally TLS) between channel nodes: a listener for peers that connect to us and a client for
 * the peers we connect to, with the same pipeline on both ends:
 *
 * <pre>
 * [TLS] | idle timer (LinkLiveness) | frame decoder (4-byte length, at most maxFrameBytes)
 *       | message encoder (length and message in one buffer)
 *       | PeerChannelHandler (frame to message, to the PeerListener)
 * </pre>
 *
 * One I/O thread per core (at most two here: the work per message is signature checking, and the
 * machine has two cores); each link stays on one thread, so its messages are handled in order.
 */
public final class PeerTransport implements AutoCloseable {

    public static final int DEFAULT_MAX_FRAME_BYTES = 1 << 20;

    private final EventLoopGroup group;
    private final ChannelGroup links;
    private final Channel server;
    private final Bootstrap client;

    private PeerTransport(EventLoopGroup group, ChannelGroup links, Channel server, Bootstrap client) {
        this.group = group;
        this.links = links;
        this.server = server;
        this.client = client;
    }

    /**
     * Starts listening on {@code host:port} (0 = any free port).
     *
     * @param serverTls null for plaintext; otherwise used for peers that connect to us
     * @param clientTls null for plaintext; otherwise used when we connect
     */
    public static PeerTransport bind(String host, int port, SslContext serverTls, SslContext clientTls,
                                     int maxFrameBytes, PeerListener listener) throws IOException {
        return bind(host, port, serverTls, clientTls, maxFrameBytes, LinkLiveness.DEFAULT, listener);
    }

    /** As above, with heartbeats and the silence after which a link counts as dead. */
    public static PeerTransport bind(String host, int port, SslContext serverTls, SslContext clientTls,
                                     int maxFrameBytes, LinkLiveness liveness, PeerListener listener) throws IOException {
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        EventLoopGroup group = new NioEventLoopGroup(threads, new DefaultThreadFactory("channel-peer-io", true));
        ChannelGroup links = new DefaultChannelGroup("channel-peer-links", GlobalEventExecutor.INSTANCE);
        try {
            ServerBootstrap serverBootstrap = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(pipeline(serverTls, maxFrameBytes, liveness, listener, links));
            Channel server = serverBootstrap.bind(host, port).sync().channel();
            Bootstrap client = new Bootstrap()
                    .group(group)
                    .channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
                    .handler(pipeline(clientTls, maxFrameBytes, liveness, listener, links));
            return new PeerTransport(group, links, server, client);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IOException("interrupted while binding " + host + ":" + port, e);
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    private static ChannelInitializer<SocketChannel> pipeline(SslContext tls, int maxFrameBytes, LinkLiveness liveness,
                                                              PeerListener listener, ChannelGroup links) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                links.add(channel);
                ChannelPipeline pipeline = channel.pipeline();
                if (tls != null) {
                    pipeline.addLast("tls", tls.newHandler(channel.alloc()));
                }
                pipeline.addLast("idle", new IdleStateHandler(liveness.deadAfter().toMillis(),
                        liveness.heartbeat().toMillis(), 0, TimeUnit.MILLISECONDS));
                pipeline.addLast("frames", new LengthFieldBasedFrameDecoder(maxFrameBytes, 0, 4, 0, 4));
                pipeline.addLast("encoder", MessageEncoder.INSTANCE);
                pipeline.addLast("peer", new PeerChannelHandler(listener));
            }
        };
    }

    public InetSocketAddress boundAddress() {
        return (InetSocketAddress) server.localAddress();
    }

    /**
     * Connects to a peer. The future fails if no TCP connection comes up; once it is up, the listener's
     * {@code connected} says when the link is usable (after the TLS handshake, when TLS is on), with
     * {@link PeerLink#dialedEndpoint()} = {@code remote}.
     */
    public CompletableFuture<Void> connect(InetSocketAddress remote) {
        CompletableFuture<Void> connected = new CompletableFuture<>();
        ChannelFuture future = client.clone().attr(PeerChannelHandler.DIALED, remote).connect(remote);
        future.addListener(f -> {
            if (f.isSuccess()) {
                connected.complete(null);
            } else {
                connected.completeExceptionally(f.cause());
            }
        });
        return connected;
    }

    /** Schedules {@code task} on one of the transport's threads after {@code delayMillis}. */
    public void schedule(Runnable task, long delayMillis) {
        if (!group.isShuttingDown()) {
            group.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Closes the listener and every link first, while the I/O threads still run, so that both ends see
     * the links go (shutting the threads down alone may close sockets without telling the handlers).
     */
    @Override
    public void close() {
        server.close().syncUninterruptibly();
        links.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
