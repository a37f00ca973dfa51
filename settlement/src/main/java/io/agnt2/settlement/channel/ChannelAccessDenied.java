package io.agnt2.settlement.channel;

/**
 * The caller's organisation has no agent in this channel (or the agent is not ours). Callers answer
 * it as "not found": an organisation must not learn which channels others have.
 */
public final class ChannelAccessDenied extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ChannelAccessDenied(String message) {
        super(message);
    }
}
