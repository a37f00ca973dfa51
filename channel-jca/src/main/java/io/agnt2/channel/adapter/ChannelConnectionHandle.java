package io.agnt2.channel.adapter;

import io.agnt2.channel.api.ChannelConnection;
import io.agnt2.channel.custody.AgentCustody;
import io.agnt2.channel.node.ChannelNode;
import io.agnt2.channel.node.ChannelView;
import io.agnt2.channel.node.OpenRequest;
import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.channel.SignedChannelState;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Wei;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
        return live().adapterId();
    }

    @Override
    public AgentAddress createAgent(String organization) {
        AgentKey key = live().adapter().custody().create(organization);
        node().addLocalAgent(key);
        return key.address();
    }

    @Override
    public Optional<String> organizationOf(AgentAddress agent) {
        return live().adapter().custody().entry(agent).map(AgentCustody.Entry::organization);
    }

    @Override
    public InetSocketAddress endpoint() {
        return node().boundAddress();
    }

    @Override
    public AgentKey custodyKey(AgentAddress agent) {
        return live().adapter().custody().entry(agent).map(AgentCustody.Entry::key)
                .orElseThrow(() -> new IllegalArgumentException("agent " + agent + " is not in this node's custody"));
    }

    @Override
    public ChannelView open(OpenRequest request) {
        SignedChannelState initial = await(node().open(request));
        return node().channel(initial.state().channelId()).orElseThrow();
    }

    @Override
    public void pay(ChannelId channel, Wei amount, Bytes32 appStateHash) {
        ChannelLocalTransaction transaction = live().transaction();
        if (transaction.isActive()) {
            requireKnown(channel);
            transaction.staged().add(channel, amount, appStateHash);
        } else {
            await(node().pay(channel, amount, appStateHash));
        }
    }

    @Override
    public ChannelView close(ChannelId channel) {
        ChannelView view = requireKnown(channel);
        await(node().propose(channel, view.latest().state().finalState()));
        return node().channel(channel).orElseThrow();
    }

    @Override
    public Optional<ChannelView> channel(ChannelId channel) {
        return node().channel(channel);
    }

    @Override
    public List<ChannelView> channels() {
        return node().channels();
    }

    @Override
    public void close() {
        if (managed != null) {
            ChannelManagedConnection closing = managed;
            managed = null;
            closing.closed(this);
        }
    }

    private ChannelView requireKnown(ChannelId channel) {
        return node().channel(channel).orElseThrow(() -> new IllegalArgumentException("no channel " + channel + " on this node"));
    }

    private ChannelNode node() {
        return live().adapter().node();
    }

    private SignedChannelState await(CompletableFuture<SignedChannelState> operation) {
        long timeoutMs = live().adapter().operationTimeout().toMillis();
        try {
            return operation.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException refused) {
                throw refused; // ChannelRefusedException keeps its reason for the caller
            }
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the counterparty did not answer within " + timeoutMs + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the counterparty", e);
        }
    }

    private ChannelManagedConnection live() {
        if (managed == null) {
            throw new IllegalStateException("channel connection is closed");
        }
        return managed;
    }
}
