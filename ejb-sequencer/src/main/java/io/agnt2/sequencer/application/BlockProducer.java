package io.agnt2.sequencer.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The block clock: every block interval it asks the sequencer to close a block (its own transaction)
 * and then hands every unpublished block to settlement.
 */
@Singleton
@Startup
public class BlockProducer {

    private static final Logger LOG = Logger.getLogger(BlockProducer.class.getName());

    @Resource
    TimerService timers;
    @EJB
    InteractionSequencer sequencer;
    @EJB
    BlockPublisher publisher;
    @Inject
    BlockFeed feed;
    @Inject
    @ConfigProperty(name = "agnt2.block.interval-ms", defaultValue = "500")
    long intervalMs;

    @PostConstruct
    void start() {
        // Not persistent: the block clock belongs to this server's life, and EJB Lite has only these.
        timers.createIntervalTimer(intervalMs, intervalMs, new TimerConfig("block-producer", false));
        LOG.info("block producer started, interval " + intervalMs + " ms");
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick(Timer timer) {
        try {
            // closeBlock runs in its own transaction: when it returns, the block is committed
            sequencer.closeBlock().ifPresent(block -> {
                LOG.fine(() -> "block " + block.number() + " closed: " + block.interactions().size()
                        + " interactions, state root " + block.stateRoot());
                feed.publish(block);
            });
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "closing a block failed; the pending interactions stay for the next tick", e);
        }
        publisher.publishPending();
    }
}
