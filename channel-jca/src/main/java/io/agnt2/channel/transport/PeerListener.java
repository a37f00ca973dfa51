package io.agnt2.channel.transport;

/**
 * What a {@link PeerTransport} tells the node. All three are called on the link's I/O thread, one
 * message at a time and in arrival order: a listener may rely on that order (proposals of one channel
 * are pipelined) but must not block for long.
 */
public interface PeerListener {

    /** A link is up (after the TLS handshake, when TLS is on), whichever side connected. */
    void connected(PeerLink link);

    void received(PeerLink link, ChannelMessage message);

    /** The link is gone; messages sent on it may or may not have arrived. */
    void disconnected(PeerLink link);
}
