package io.agnt2.channel.adapter;

import io.agnt2.channel.api.ChannelUpdate;
import io.agnt2.channel.api.ChannelUpdateListener;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands the node's co-signed states to the activated message endpoints, in order, on one work thread
 * of the server: the node's network thread only enqueues, so a slow bean never delays the
 * counterparty's acknowledgements. A bean that throws loses that one delivery (logged); the state
 * itself is already durable in the node's journal and in both parties' hands.
 */
final class UpdateDelivery implements Work {

    private static final Logger LOG = Logger.getLogger(UpdateDelivery.class.getName());
    private static final ChannelUpdate STOP = new ChannelUpdate(null, null, false);

    private record Subscription(MessageEndpointFactory factory, ChannelActivationSpec spec) {
    }

    private final BlockingQueue<ChannelUpdate> queue = new LinkedBlockingQueue<>();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    void subscribe(MessageEndpointFactory factory, ChannelActivationSpec spec) {
        subscriptions.add(new Subscription(factory, spec));
    }

    void unsubscribe(MessageEndpointFactory factory) {
        subscriptions.removeIf(s -> s.factory() == factory);
    }

    void enqueue(ChannelUpdate update) {
        if (!subscriptions.isEmpty()) {
            queue.add(update);
        }
    }

    @Override
    public void run() {
        try {
            for (ChannelUpdate update = queue.take(); update != STOP; update = queue.take()) {
                deliver(update);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(ChannelUpdate update) {
        for (Subscription s : subscriptions) {
            if (!s.spec().wants(update.channel().localAgent())) {
                continue;
            }
            MessageEndpoint endpoint;
            try {
                endpoint = s.factory().createEndpoint(null);
            } catch (UnavailableException e) {
                LOG.log(Level.WARNING, "channel update of " + update.channel().id() + " not delivered: endpoint unavailable", e);
                continue;
            }
            try {
                ((ChannelUpdateListener) endpoint).onChannelUpdate(update);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "channel update " + update.state().state().nonce() + " of " + update.channel().id()
                        + " failed in its listener", e);
            } finally {
                endpoint.release();
            }
        }
    }

    @Override
    public void release() {
        queue.add(STOP);
    }
}
