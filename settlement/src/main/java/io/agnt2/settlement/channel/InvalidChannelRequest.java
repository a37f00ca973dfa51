package io.agnt2.settlement.channel;

/** A channel request that cannot be carried out as asked (an amount of 0, a memo too long, a closed channel). */
public final class InvalidChannelRequest extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidChannelRequest(String message) {
        super(message);
    }
}
