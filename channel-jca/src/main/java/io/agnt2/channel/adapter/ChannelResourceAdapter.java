package io.agnt2.channel.adapter;

import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

import javax.transaction.xa.XAResource;
import java.util.UUID;
import java.util.logging.Logger;

/** The adapter's life: started and stopped by the server with the application. */
@Connector(displayName = "AGNT2 state channels", vendorName = "AGNT2", eisType = "AGNT2 state channels",
        version = "0.1", transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class ChannelResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(ChannelResourceAdapter.class.getName());

    private final String id = UUID.randomUUID().toString();

    @Override
    public void start(BootstrapContext context) {
        LOG.info("channel adapter " + id + " started");
    }

    @Override
    public void stop() {
        LOG.info("channel adapter " + id + " stopped");
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) {
        throw new UnsupportedOperationException("inbound channel updates arrive with the state-channel issue");
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    String id() {
        return id;
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
