package io.agnt2.sequencer.application;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells subscribers about each block after it committed: soft confirmations and the block stream
 * in the gateway. A plain subscription rather than a CDI event, because observers in the web
 * module are not visible to the EJB module that fires.
 */
@ApplicationScoped
public class BlockFeed {

    private static final Logger LOG = Logger.getLogger(BlockFeed.class.getName());

    private final List<Consumer<ClosedBlock>> subscribers = new CopyOnWriteArrayList<>();

    /** Ends a subscription. */
    @FunctionalInterface
    public interface Subscription {
        void cancel();
    }

    public Subscription subscribe(Consumer<ClosedBlock> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    void publish(ClosedBlock block) {
        for (Consumer<ClosedBlock> subscriber : subscribers) {
            try {
                subscriber.accept(block);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a block subscriber failed on block " + block.number(), e);
            }
        }
    }
}
