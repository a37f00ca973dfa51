package io.agnt2.channel.node;

import io.agnt2.channel.transport.ChannelMessage;
import io.agnt2.channel.transport.PeerLink;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The conversation with one peer over one link. Proposals wait here until the link is up and both sides
 * have exchanged SYNC, so nothing is proposed on a state the peer has already moved past.
 */
final class PeerSession {

    /**
     * Proposals that may wait for the link to come up (and SYNC to finish). Each holds a signed state
     * and a caller's future; while a peer is unreachable an unbounded line would grow with every
     * payment tried, so past this many the proposal is refused at once ({@link ChannelRefusal#LINK_BACKLOG_FULL}).
     */
    static final int MAX_WAITING = 4096;

    private final InetSocketAddress endpoint;
    private final List<ChannelMessage> waiting = new ArrayList<>();
    private PeerLink link;
    private boolean ready;
    private volatile boolean closed;

    /** @param endpoint where we dialed the peer; null when it connected to us */
    PeerSession(InetSocketAddress endpoint) {
        this.endpoint = endpoint;
    }

    InetSocketAddress endpoint() {
        return endpoint;
    }

    synchronized void linkUp(PeerLink link) {
        this.link = link;
    }

    synchronized PeerLink link() {
        return link;
    }

    /**
     * Sends now if the session is ready, else when it is; dropped once closed (the channel fails it).
     * False, and nothing queued, when {@link #MAX_WAITING} messages already wait for the link.
     */
    synchronized boolean send(ChannelMessage message) {
        if (closed) {
            return true;
        }
        if (ready) {
            link.send(message);
        } else if (waiting.size() < MAX_WAITING) {
            waiting.add(message);
        } else {
            return false;
        }
        return true;
    }

    /** Bypasses the waiting line: SYNC and answers to the peer's own messages. */
    synchronized void sendNow(ChannelMessage message) {
        if (!closed && link != null) {
            link.send(message);
        }
    }

    synchronized void ready() {
        if (closed || ready) {
            return;
        }
        ready = true;
        waiting.forEach(link::send);
        waiting.clear();
    }

    synchronized void close() {
        closed = true;
        waiting.clear();
        if (link != null) {
            link.close();
        }
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return "PeerSession[" + (endpoint != null ? "to " + endpoint : "from " + link) + "]";
    }
}
