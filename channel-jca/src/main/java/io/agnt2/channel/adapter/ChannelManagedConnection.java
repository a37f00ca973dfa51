package io.agnt2.channel.adapter;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;

import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One pooled physical connection to the channel adapter, and the handles given out on it. It carries
 * the container's local transaction, in which payments are staged until commit.
 */
class ChannelManagedConnection implements ManagedConnection {

    private final ChannelResourceAdapter adapter;
    private final ChannelLocalTransaction transaction;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private PrintWriter logWriter;

    ChannelManagedConnection(ChannelResourceAdapter adapter) {
        this.adapter = adapter;
        this.transaction = new ChannelLocalTransaction(adapter.node(), adapter.operationTimeout());
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) {
        return new ChannelConnectionHandle(this);
    }

    String adapterId() {
        return adapter.id();
    }

    ChannelResourceAdapter adapter() {
        return adapter;
    }

    /** The transaction the container began on this connection, if one is running. */
    ChannelLocalTransaction transaction() {
        return transaction;
    }

    /** A handle was closed: tell the pool it may take this connection back. */
    void closed(ChannelConnectionHandle handle) {
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle);
        listeners.forEach(listener -> listener.connectionClosed(event));
    }

    @Override
    public void destroy() {
        listeners.clear();
    }

    @Override
    public void cleanup() throws ResourceException {
        if (transaction.isActive()) {
            transaction.rollback();
        }
    }

    @Override
    public void associateConnection(Object connection) {
        ((ChannelConnectionHandle) connection).associate(this);
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws NotSupportedException {
        // A co-signed state cannot be "prepared" and later taken back: the counterparty holds it
        // the moment it signs. So the connection is a one-phase (last) participant (decision 0011).
        throw new NotSupportedException("channel connections commit in one phase: use their local transaction");
    }

    @Override
    public LocalTransaction getLocalTransaction() {
        return transaction;
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new ManagedConnectionMetaData() {
            @Override
            public String getEISProductName() {
                return "AGNT2 state channels";
            }

            @Override
            public String getEISProductVersion() {
                return "0.2";
            }

            @Override
            public int getMaxConnections() {
                return 0;
            }

            @Override
            public String getUserName() {
                return null;
            }
        };
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }
}
