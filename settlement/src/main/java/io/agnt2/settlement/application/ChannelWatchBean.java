package io.agnt2.settlement.application;

import io.agnt2.channel.api.ChannelConnection;
import io.agnt2.channel.api.ChannelConnectionFactory;
import io.agnt2.channel.node.ChannelView;
import io.agnt2.settlement.channel.ChannelWatcher;
import io.agnt2.settlement.channel.Dispute;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.resource.ResourceException;

import java.util.List;
import java.util.logging.Logger;

/**
 * Runs the {@link ChannelWatcher} every few seconds over the newest states the channel adapter holds
 * (following the adjudicator's closes since the last pass), with the server's operator account paying
 * for any challenge.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChannelWatchBean {

    private static final Logger LOG = Logger.getLogger(ChannelWatchBean.class.getName());

    @Resource(lookup = "eis/agnt2/channels")
    ChannelConnectionFactory channels;
    @EJB
    ChannelAdjudicatorContract adjudicator;

    private final PeriodicPass pass = new PeriodicPass("the channel watch pass", LOG);
    /** Kept from pass to pass: it remembers how far it has read the adjudicator's events. */
    private volatile ChannelWatcher watcher;

    @Schedule(second = "*/3", minute = "*", hour = "*", persistent = false)
    void watch() {
        pass.runUnlessRunning(() -> {
            for (Dispute dispute : watcher().watchOnce()) {
                LOG.warning("channel " + dispute.channel() + ": answered a close with state " + dispute.registeredNonce()
                        + " by our state " + dispute.answeredNonce() + " in L1 transaction " + dispute.answer().txHash());
            }
        });
    }

    private ChannelWatcher watcher() {
        if (watcher == null) {
            watcher = new ChannelWatcher(adjudicator.operator(), this::heldStates);
        }
        return watcher;
    }

    private List<ChannelView> heldStates() {
        try (ChannelConnection connection = channels.getConnection()) {
            return connection.channels();
        } catch (ResourceException e) {
            throw new IllegalStateException("the channel adapter is not available: " + e.getMessage(), e);
        }
    }
}
