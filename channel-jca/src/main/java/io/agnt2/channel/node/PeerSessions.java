package io.agnt2.channel.node;

import io.agnt2.channel.transport.ChannelMessage;
import io.agnt2.channel.transport.ChannelMessageCodec;
import io.agnt2.channel.transport.PeerLink;
import io.agnt2.channel.transport.PeerTransport;
import io.agnt2.protocol.channel.SignedChannelState;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Which link each channel talks over, and keeping those links up. A node dials the peers of the channels
 * it opened (it knows their endpoints) and redials them when a link drops, so that after either side
 * restarts the SYNC exchange brings the one behind up to date; peers that opened channels with us dial
 * us, and we answer on their link.
 */
final class PeerSessions {

    private static final Logger LOG = Logger.getLogger(PeerSessions.class.getName());
    private static final long FIRST_REDIAL_MILLIS = 100;
    private static final long MAX_REDIAL_MILLIS = 2_000;

    private final ChannelBook book;
    private final Map<InetSocketAddress, PeerSession> dialed = new ConcurrentHashMap<>();
    private final Map<PeerLink, PeerSession> byLink = new ConcurrentHashMap<>();
    private volatile PeerTransport transport;
    private volatile boolean closing;

    PeerSessions(ChannelBook book) {
        this.book = book;
    }

    void start(PeerTransport transport) {
        this.transport = transport;
    }

    void closing() {
        closing = true;
    }

    /** The session to send {@code channel}'s proposals on, dialing its peer if needed; null if none can exist. */
    PeerSession sessionFor(LocalChannel channel) {
        PeerSession current = channel.session();
        if (current != null && !current.isClosed()) {
            return current;
        }
        if (channel.remoteEndpoint() == null) {
            return null;
        }
        PeerSession session = dial(channel.remoteEndpoint(), FIRST_REDIAL_MILLIS);
        channel.attach(session);
        return session;
    }

    /** Dials every endpoint the recovered channels were opened to, so SYNC runs without waiting for traffic. */
    void dialAll() {
        book.all().stream().map(LocalChannel::remoteEndpoint).filter(e -> e != null).distinct()
                .forEach(endpoint -> dial(endpoint, FIRST_REDIAL_MILLIS));
    }

    private PeerSession dial(InetSocketAddress endpoint, long nextDelayMillis) {
        PeerSession[] created = new PeerSession[1];
        PeerSession session = dialed.compute(endpoint, (e, existing) -> {
            if (existing != null && !existing.isClosed()) {
                return existing;
            }
            created[0] = new PeerSession(endpoint);
            return created[0];
        });
        if (created[0] != null) {
            transport.connect(endpoint).whenComplete((ignored, failure) -> {
                if (failure != null) {
                    lost(created[0], "cannot connect to " + endpoint + ": " + failure.getMessage());
                    redialLater(endpoint, nextDelayMillis);
                }
            });
        }
        return session;
    }

    private void redialLater(InetSocketAddress endpoint, long delayMillis) {
        if (closing || book.dialedAt(endpoint).isEmpty()) {
            return;
        }
        transport.schedule(() -> {
            if (!closing) {
                dial(endpoint, Math.min(delayMillis * 2, MAX_REDIAL_MILLIS));
            }
        }, delayMillis);
    }

    PeerSession of(PeerLink link) {
        return byLink.get(link);
    }

    /** A link is up. If we dialed it, we speak first: SYNC of every channel we opened to that endpoint. */
    void linkUp(PeerLink link) {
        if (!link.initiatedLocally()) {
            PeerSession session = new PeerSession(null);
            session.linkUp(link);
            byLink.put(link, session);
            return;
        }
        InetSocketAddress endpoint = link.dialedEndpoint();
        PeerSession session = dialed.compute(endpoint, (e, existing) ->
                existing != null && !existing.isClosed() && existing.link() == null ? existing : new PeerSession(endpoint));
        session.linkUp(link);
        byLink.put(link, session);
        List<SignedChannelState> states = new ArrayList<>();
        for (LocalChannel channel : book.dialedAt(endpoint)) {
            channel.attach(session);
            if (channel.latest() != null) {
                states.add(channel.latest());
            }
        }
        sendSync(session, false, states, true);
    }

    /**
     * SYNC in frames of at most {@link ChannelMessageCodec#MAX_SYNC_STATES}; the last frame of the
     * exchange ({@code endsExchange}) says so, and the session carries proposals from then on.
     */
    void sendSync(PeerSession session, boolean reply, List<SignedChannelState> states, boolean endsExchange) {
        int max = ChannelMessageCodec.MAX_SYNC_STATES;
        int from = 0;
        do {
            int to = Math.min(states.size(), from + max);
            session.sendNow(new ChannelMessage.Sync(reply, endsExchange && to == states.size(), states.subList(from, to)));
            from = to;
        } while (from < states.size());
    }

    void linkDown(PeerLink link) {
        PeerSession session = byLink.remove(link);
        if (session == null && link.initiatedLocally()) {
            // it never came up (a TLS handshake failed): what waits for it would wait for ever
            session = dialed.get(link.dialedEndpoint());
            if (session == null || session.link() != null) {
                return;
            }
        }
        if (session == null) {
            return;
        }
        lost(session, "disconnected");
        if (session.endpoint() != null) {
            redialLater(session.endpoint(), FIRST_REDIAL_MILLIS);
        }
    }

    private void lost(PeerSession session, String why) {
        session.close();
        if (session.endpoint() != null) {
            dialed.remove(session.endpoint(), session);
        }
        LOG.fine(() -> session + " lost: " + why);
        book.all().forEach(channel -> channel.detach(session, why));
    }
}
