package io.agnt2.channel.transport;

import io.netty.channel.Channel;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/** One connection to a peer node, over which any number of channels are updated. */
public final class PeerLink {

    private final Channel channel;
    private final InetSocketAddress dialedEndpoint;
    private final Queue<ChannelMessage> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    PeerLink(Channel channel, InetSocketAddress dialedEndpoint) {
        this.channel = channel;
        this.dialedEndpoint = dialedEndpoint;
    }

    /**
     * Sends; safe from any thread, and messages leave in the order of the calls whatever threads make
     * them. That order matters: ACCEPTs of pipelined proposals must arrive in nonce order, and they are
     * sent from the journal's thread or, when the journal was quicker, from the I/O thread (Netty writes
     * at once on its own thread but queues other threads' writes, so a direct write could overtake a
     * queued one). So every message goes through this link's outbox, and the I/O thread drains it in
     * one go: one wake-up and one flush (one syscall) for a whole journal group of ACCEPTs.
     */
    public void send(ChannelMessage message) {
        outbox.add(message);
        if (drainScheduled.compareAndSet(false, true)) {
            channel.eventLoop().execute(this::drain);
        }
    }

    private void drain() {
        drainScheduled.set(false); // before polling: a message added after the last poll schedules again
        ChannelMessage message;
        boolean wrote = false;
        while ((message = outbox.poll()) != null) {
            channel.write(message, channel.voidPromise());
            wrote = true;
        }
        if (wrote) {
            channel.flush();
        }
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
