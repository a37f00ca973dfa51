package io.agnt2.channel.transport;

import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.value.Bytes32;

/**
 * Bytes from a peer that this node will not read as a message. Usually they are not a message at all
 * ({@link ChannelMessageCodec#REFUSED_MALFORMED}, and the link is closed); a proposal whose balances
 * overflow uint256 is well framed but can be no channel's state, so it is refused on its own
 * ({@link ChannelMessageCodec#REFUSED_BALANCE_OVERFLOW}) and the link stays up.
 */
public final class MalformedMessageException extends Exception {

    private static final long serialVersionUID = 1L;
    private static final ChannelId NO_CHANNEL = new ChannelId(Bytes32.ZERO);

    private final int refusalCode;
    private final transient ChannelId channelId;
    private final long nonce;

    MalformedMessageException(String message) {
        this(message, ChannelMessageCodec.REFUSED_MALFORMED, NO_CHANNEL, 0);
    }

    private MalformedMessageException(String message, int refusalCode, ChannelId channelId, long nonce) {
        super(message);
        this.refusalCode = refusalCode;
        this.channelId = channelId;
        this.nonce = nonce;
    }

    static MalformedMessageException balanceOverflow(ChannelId channelId, long nonce) {
        return new MalformedMessageException("balances of proposal " + nonce + " of " + channelId
                + " sum to more than a uint256", ChannelMessageCodec.REFUSED_BALANCE_OVERFLOW, channelId, nonce);
    }

    /** The refusal to send back: what it says, and for which channel and nonce (zero when unknown). */
    public ChannelMessage.Refuse refusal() {
        return new ChannelMessage.Refuse(channelId, nonce, Bytes32.ZERO, refusalCode, getMessage());
    }

    /** False only when the stream is still in step and just this message is refused. */
    public boolean closesLink() {
        return refusalCode == ChannelMessageCodec.REFUSED_MALFORMED;
    }
}
