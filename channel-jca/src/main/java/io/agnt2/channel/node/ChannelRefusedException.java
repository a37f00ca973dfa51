package io.agnt2.channel.node;

/**
 * A proposal that was not signed: by this node's own check before anything was sent, or by the peer
 * ({@link #byPeer()}). Either way no state changed on either side.
 */
public class ChannelRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ChannelRefusal reason;
    private final boolean byPeer;

    public ChannelRefusedException(ChannelRefusal reason, String message) {
        this(reason, message, false);
    }

    public ChannelRefusedException(ChannelRefusal reason, String message, boolean byPeer) {
        super(reason + ": " + message);
        this.reason = reason;
        this.byPeer = byPeer;
    }

    public ChannelRefusal reason() {
        return reason;
    }

    /** True when the peer refused; false when this node refused before sending. */
    public boolean byPeer() {
        return byPeer;
    }

    /** The bare explanation, without the reason prefix: what a REFUSE message carries. */
    String detail() {
        String message = getMessage();
        String prefix = reason + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
