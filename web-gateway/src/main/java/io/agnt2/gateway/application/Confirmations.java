package io.agnt2.gateway.application;

import io.agnt2.sequencer.application.BlockFeed;
import io.agnt2.sequencer.application.ClosedBlock;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Soft confirmations: a submitter waits for the block that includes its interaction, and is told
 * the moment that block commits, without polling.
 */
@ApplicationScoped
public class Confirmations {

    private static final Logger LOG = Logger.getLogger(Confirmations.class.getName());

    @Inject
    BlockFeed feed;

    private final ConcurrentHashMap<String, CompletableFuture<Long>> waiting = new ConcurrentHashMap<>();
    private BlockFeed.Subscription subscription;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        subscription = feed.subscribe(this::included);
    }

    @PreDestroy
    void stop() {
        if (subscription != null) {
            subscription.cancel();
        }
        waiting.values().forEach(future -> future.cancel(false));
    }

    /**
     * The number of the block that will include {@code hash}. Register before reading the stored
     * status, so a block that commits in between is not missed; {@link #forget} on time-out.
     */
    public CompletableFuture<Long> inclusionOf(String hash) {
        return waiting.computeIfAbsent(hash, ignored -> new CompletableFuture<>());
    }

    public void forget(String hash, CompletableFuture<Long> future) {
        waiting.remove(hash, future);
    }

    private void included(ClosedBlock block) {
        for (String hash : block.interactions()) {
            CompletableFuture<Long> future = waiting.remove(hash);
            if (future != null) {
                future.complete(block.number());
            }
        }
        LOG.finest(() -> "confirmed block " + block.number());
    }
}
