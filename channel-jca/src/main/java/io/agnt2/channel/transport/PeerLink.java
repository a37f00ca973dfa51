package io.agnt2.channel.transport;

import io.netty.channel.Channel;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.Executor;

/** One connection to a peer node, over which any number of channels are updated. */
public final class PeerLink {

    private final Channel channel;
    private final InetSocketAddress dialedEndpoint;

    PeerLink(Channel channel, InetSocketAddress dialedEndpoint) {
        this.channel = channel;
        this.dialedEndpoint = dialedEndpoint;
    }

    /**
     * Writes and flushes; safe from any thread, and messages leave in the order of the calls whatever
     * threads make them. That order matters: ACCEPTs of pipelined proposals must arrive in nonce order,
     * and they are sent from the journal's thread or, when the journal was quicker, from the I/O thread.
     * Netty writes at once when called on the I/O thread but queues calls from other threads, so a
     * direct write could overtake a queued one; every message therefore goes through the queue.
     */
    public void send(ChannelMessage message) {
        channel.eventLoop().execute(() -> channel.writeAndFlush(message, channel.voidPromise()));
    }

    /** True when this node connected to the peer (it knows the peer's endpoint and reconnects). */
    public boolean initiatedLocally() {
        return dialedEndpoint != null;
    }

    /** The endpoint this node dialed (as it was given), or null when the peer connected to us. */
    public InetSocketAddress dialedEndpoint() {
        return dialedEndpoint;
    }

    public boolean isOpen() {
        return channel.isActive();
    }

    /** The I/O thread of this link; work handed to it runs in order with the link's messages. */
    public Executor executor() {
        return channel.eventLoop();
    }

    public SocketAddress remoteAddress() {
        return channel.remoteAddress();
    }

    public InetSocketAddress remoteInetAddress() {
        return channel.remoteAddress() instanceof InetSocketAddress address ? address : null;
    }

    public void close() {
        channel.close();
    }

    @Override
    public String toString() {
        return "PeerLink[" + (initiatedLocally() ? "to " : "from ") + channel.remoteAddress() + "]";
    }
}
