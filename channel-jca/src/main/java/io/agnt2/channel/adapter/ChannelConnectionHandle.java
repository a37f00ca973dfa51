package io.agnt2.channel.adapter;

import io.agnt2.channel.api.ChannelConnection;

/** The handle an application holds; closing it returns the physical connection to the pool. */
public class ChannelConnectionHandle implements ChannelConnection {

    private ChannelManagedConnection managed;

    ChannelConnectionHandle(ChannelManagedConnection managed) {
        this.managed = managed;
    }

    void associate(ChannelManagedConnection managed) {
        this.managed = managed;
    }

    @Override
    public String adapterId() {
        requireOpen();
        return managed.adapterId();
    }

    @Override
    public void close() {
        if (managed != null) {
            ChannelManagedConnection closing = managed;
            managed = null;
            closing.closed(this);
        }
    }

    private void requireOpen() {
        if (managed == null) {
            throw new IllegalStateException("channel connection is closed");
        }
    }
}
