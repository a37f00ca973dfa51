package io.agnt2.channel.adapter;

import io.agnt2.channel.api.ChannelConnection;
import io.agnt2.channel.api.ChannelConnectionFactory;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;

import javax.security.auth.Subject;
import java.io.PrintWriter;
import java.util.Set;

/** Makes the pooled physical connections; the server's connection manager pools them. */
@ConnectionDefinition(connectionFactory = ChannelConnectionFactory.class,
        connectionFactoryImpl = PooledChannelConnectionFactory.class,
        connection = ChannelConnection.class, connectionImpl = ChannelConnectionHandle.class)
public class ChannelManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation {

    private transient ChannelResourceAdapter adapter;
    private transient PrintWriter logWriter;

    @Override
    public Object createConnectionFactory(ConnectionManager manager) {
        return new PooledChannelConnectionFactory(this, manager);
    }

    @Override
    public Object createConnectionFactory() {
        throw new UnsupportedOperationException("the channel adapter runs only inside the application server");
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) {
        return new ChannelManagedConnection(adapter);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ManagedConnection matchManagedConnections(Set candidates, Subject subject, ConnectionRequestInfo info) {
        for (Object candidate : candidates) {
            if (candidate instanceof ChannelManagedConnection connection) {
                return connection;
            }
        }
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return adapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter adapter) {
        this.adapter = (ChannelResourceAdapter) adapter;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChannelManagedConnectionFactory that && that.adapter == adapter;
    }

    @Override
    public int hashCode() {
        return adapter == null ? 0 : adapter.hashCode();
    }
}
