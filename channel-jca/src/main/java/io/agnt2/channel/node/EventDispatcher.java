package io.agnt2.channel.node;

import io.agnt2.protocol.channel.SignedChannelState;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The node's one "channel-events" thread: it completes the callers' futures and calls
 * {@link ChannelEvents}, so that neither the I/O threads nor the journal writer ever run application
 * code. One thread keeps the order: states become visible in the order they became durable.
 */
final class EventDispatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EventDispatcher.class.getName());

    private final ChannelEvents events;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("channel-events").daemon().factory());

    EventDispatcher(ChannelEvents events) {
        this.events = events == null ? ChannelEvents.NONE : events;
    }

    /** A state is durable here: complete the proposer's future (if any), then tell the listener. */
    void durable(ChannelView channel, SignedChannelState state, boolean proposedLocally,
                 CompletableFuture<SignedChannelState> proposal) {
        run(() -> {
            if (proposal != null) {
                proposal.complete(state);
            }
            try {
                events.updated(channel, state, proposedLocally);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a ChannelEvents listener failed on " + channel.id() + " nonce "
                        + state.state().nonce(), e);
            }
        });
    }

    void fail(CompletableFuture<SignedChannelState> proposal, Throwable why) {
        run(() -> proposal.completeExceptionally(why));
    }

    private void run(Runnable task) {
        try {
            thread.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            task.run();
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
