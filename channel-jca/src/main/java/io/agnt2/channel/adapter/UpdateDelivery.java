package io.agnt2.channel.adapter;

import io.agnt2.channel.api.ChannelUpdate;
import io.agnt2.channel.api.ChannelUpdateListener;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands the node's co-signed states to the activated message endpoints, in order, on the server's
 * work threads: the node's thread only enqueues, so a slow bean never delays the counterparty's
 * acknowledgements. One drain runs at a time (that keeps the order) and ends when the queue is empty,
 * so no server thread is held while nothing arrives and the server can quiesce at once. A bean that
 * throws loses that one delivery (logged); the state itself is already durable in the node's journal
 * and in both parties' hands.
 */
final class UpdateDelivery {

    private static final Logger LOG = Logger.getLogger(UpdateDelivery.class.getName());

    private record Subscription(MessageEndpointFactory factory, ChannelActivationSpec spec) {
    }

    private final Queue<ChannelUpdate> queue = new ConcurrentLinkedQueue<>();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile WorkManager workManager;

    void start(WorkManager workManager) {
        this.workManager = workManager;
    }

    void stop() {
        workManager = null;
        queue.clear();
    }

    void subscribe(MessageEndpointFactory factory, ChannelActivationSpec spec) {
        subscriptions.add(new Subscription(factory, spec));
    }

    void unsubscribe(MessageEndpointFactory factory) {
        subscriptions.removeIf(s -> s.factory() == factory);
    }

    void enqueue(ChannelUpdate update) {
        if (!subscriptions.isEmpty() && workManager != null) {
            queue.add(update);
            scheduleDrain();
        }
    }

    /** Starts a drain unless one runs; the running one sees what was just added. */
    private void scheduleDrain() {
        WorkManager work = workManager;
        if (work == null || !draining.compareAndSet(false, true)) {
            return;
        }
        try {
            work.scheduleWork(new Drain());
        } catch (WorkException e) {
            draining.set(false);
            LOG.log(Level.WARNING, "channel updates wait: the server refused the delivery work", e);
        }
    }

    private final class Drain implements Work {
        @Override
        public void run() {
            do {
                for (ChannelUpdate update = queue.poll(); update != null; update = queue.poll()) {
                    deliver(update);
                }
                draining.set(false);
                // An update added between the last poll and the reset would otherwise wait for the next one.
            } while (!queue.isEmpty() && draining.compareAndSet(false, true));
        }

        @Override
        public void release() {
            // Nothing to interrupt: a drain ends by itself when the queue is empty.
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
}
