package io.agnt2.channel.adapter;

import io.agnt2.channel.api.ChannelConnection;
import io.agnt2.channel.api.ChannelConnectionFactory;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;

import javax.naming.Reference;

/** The factory applications get from JNDI: every handle comes through the server's pool. */
public class PooledChannelConnectionFactory implements ChannelConnectionFactory {

    private final transient ChannelManagedConnectionFactory managedFactory;
    private final transient ConnectionManager manager;
    private Reference reference;

    PooledChannelConnectionFactory(ChannelManagedConnectionFactory managedFactory, ConnectionManager manager) {
        this.managedFactory = managedFactory;
        this.manager = manager;
    }

    @Override
    public ChannelConnection getConnection() throws ResourceException {
        return (ChannelConnection) manager.allocateConnection(managedFactory, null);
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
