package io.agnt2.channel.api;

/**
 * A handle on the channel adapter, used and closed like a JDBC connection. Channel operations
 * (open, pay, update, close, state) are added by the state-channel issue.
 */
public interface ChannelConnection extends AutoCloseable {

    /** Identifies the adapter instance this handle belongs to, for health checks and logs. */
    String adapterId();

    @Override
    void close();
}
