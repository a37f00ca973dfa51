package io.agnt2.channel.adapter;

import io.agnt2.channel.api.ChannelUpdate;
import io.agnt2.channel.custody.AgentCustody;
import io.agnt2.channel.node.ChannelNode;
import io.agnt2.channel.node.ChannelNodeConfig;
import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.channel.ChannelDomain;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

import javax.transaction.xa.XAResource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The adapter's life, started and stopped by the server with the application: it opens the agents'
 * custody, starts the {@link ChannelNode} (journal recovery, then the peer-to-peer listener) and the
 * work thread that delivers counterparty updates to message-driven beans.
 *
 * <p>Configured in server.xml ({@code properties.agnt2.channel-jca} of the {@code resourceAdapter}):
 * where it listens for peers, where its journal and custody file live, and the L1 chain and
 * adjudicator its states are signed for (decision 0011).
 */
@Connector(displayName = "AGNT2 state channels", vendorName = "AGNT2", eisType = "AGNT2 state channels",
        version = "0.2", transactionSupport = TransactionSupport.TransactionSupportLevel.LocalTransaction)
public class ChannelResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(ChannelResourceAdapter.class.getName());

    private final String id = UUID.randomUUID().toString();

    @ConfigProperty(description = "Interface the peer-to-peer listener binds", defaultValue = "127.0.0.1")
    private String listenHost = "127.0.0.1";
    @ConfigProperty(description = "Port of the peer-to-peer listener (0: any free port)", defaultValue = "0")
    private Integer listenPort = 0;
    @ConfigProperty(description = "Folder of the journal of co-signed states and of the agents' key custody")
    private String dataDirectory = "";
    @ConfigProperty(description = "Chain id of the L1 the adjudicator runs on", defaultValue = "31337")
    private Long l1ChainId = 31337L;
    @ConfigProperty(description = "Address of the ChannelAdjudicator contract the states are signed for")
    private String adjudicatorAddress = "";
    @ConfigProperty(description = "How long a payment or handshake waits for the counterparty, in ms", defaultValue = "10000")
    private Integer operationTimeoutMs = 10_000;
    @ConfigProperty(description = "PEM certificate chain this node presents to peers (with tlsPrivateKey and "
            + "tlsTrustedCertificates; all blank: plaintext peer links)", defaultValue = "")
    private String tlsCertificateChain = "";
    @ConfigProperty(description = "PEM (PKCS#8) private key of tlsCertificateChain", defaultValue = "")
    private String tlsPrivateKey = "";
    @ConfigProperty(description = "PEM certificates a peer's certificate must chain to", defaultValue = "")
    private String tlsTrustedCertificates = "";

    private final UpdateDelivery delivery = new UpdateDelivery();
    private volatile ChannelNode node;
    private volatile AgentCustody custody;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        if (dataDirectory.isBlank() || adjudicatorAddress.isBlank()) {
            throw new ResourceAdapterInternalException("the channel adapter needs dataDirectory and adjudicatorAddress");
        }
        Path data = Path.of(dataDirectory);
        delivery.start(context.getWorkManager());
        try {
            custody = AgentCustody.open(data.resolve("custody.keys"));
            ChannelNodeConfig config = new ChannelNodeConfig(
                    ChannelDomain.of(l1ChainId, AgentAddress.of(adjudicatorAddress)), listenHost, listenPort,
                    custody.keys(), data.resolve("journal"),
                    AdapterTls.from(tlsCertificateChain, tlsPrivateKey, tlsTrustedCertificates).orElse(null));
            node = ChannelNode.start(config,
                    (channel, state, proposedLocally) -> delivery.enqueue(new ChannelUpdate(channel, state, proposedLocally)));
        } catch (IOException | RuntimeException e) {
            stop();
            throw new ResourceAdapterInternalException("channel adapter cannot start: " + e.getMessage(), e);
        }
        LOG.info("channel adapter " + id + " started: peers connect to " + node.boundAddress()
                + (tlsCertificateChain.isBlank() ? " (plaintext)" : " (mutual TLS 1.3)") + ", "
                + custody.keys().size() + " agents in custody, " + node.channels().size() + " channels recovered");
    }

    @Override
    public void stop() {
        delivery.stop();
        ChannelNode running = node;
        node = null;
        if (running != null) {
            running.close();
        }
        LOG.info("channel adapter " + id + " stopped");
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        delivery.subscribe(factory, (ChannelActivationSpec) spec);
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        delivery.unsubscribe(factory);
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    String id() {
        return id;
    }

    ChannelNode node() {
        ChannelNode running = node;
        if (running == null) {
            throw new IllegalStateException("the channel adapter is not running");
        }
        return running;
    }

    AgentCustody custody() {
        return custody;
    }

    Duration operationTimeout() {
        return Duration.ofMillis(operationTimeoutMs);
    }

    public String getTlsCertificateChain() {
        return tlsCertificateChain;
    }

    public void setTlsCertificateChain(String tlsCertificateChain) {
        this.tlsCertificateChain = tlsCertificateChain == null ? "" : tlsCertificateChain;
    }

    public String getTlsPrivateKey() {
        return tlsPrivateKey;
    }

    public void setTlsPrivateKey(String tlsPrivateKey) {
        this.tlsPrivateKey = tlsPrivateKey == null ? "" : tlsPrivateKey;
    }

    public String getTlsTrustedCertificates() {
        return tlsTrustedCertificates;
    }

    public void setTlsTrustedCertificates(String tlsTrustedCertificates) {
        this.tlsTrustedCertificates = tlsTrustedCertificates == null ? "" : tlsTrustedCertificates;
    }

    public String getListenHost() {
        return listenHost;
    }

    public void setListenHost(String listenHost) {
        this.listenHost = listenHost;
    }

    public Integer getListenPort() {
        return listenPort;
    }

    public void setListenPort(Integer listenPort) {
        this.listenPort = listenPort;
    }

    public String getDataDirectory() {
        return dataDirectory;
    }

    public void setDataDirectory(String dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    public Long getL1ChainId() {
        return l1ChainId;
    }

    public void setL1ChainId(Long l1ChainId) {
        this.l1ChainId = l1ChainId;
    }

    public String getAdjudicatorAddress() {
        return adjudicatorAddress;
    }

    public void setAdjudicatorAddress(String adjudicatorAddress) {
        this.adjudicatorAddress = adjudicatorAddress;
    }

    public Integer getOperationTimeoutMs() {
        return operationTimeoutMs;
    }

    public void setOperationTimeoutMs(Integer operationTimeoutMs) {
        this.operationTimeoutMs = operationTimeoutMs;
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
