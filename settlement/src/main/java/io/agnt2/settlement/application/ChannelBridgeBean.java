package io.agnt2.settlement.application;

import io.agnt2.protocol.interaction.BridgedInteraction;
import io.agnt2.sequencer.application.InteractionSequencer;
import io.agnt2.sequencer.domain.Rejection;
import io.agnt2.settlement.channel.ChannelEventFollower;
import io.agnt2.settlement.channel.ChannelEventTranslation;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.logging.Logger;

/**
 * Carries the channel adjudicator's L1 events into the rollup every two seconds (decision 0014): a
 * channel that became Open is recorded on both participants' records, a finalised one is removed and
 * moves their reputation. A failed pass is retried by the next from the rollup's own cursor.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChannelBridgeBean {

    private static final Logger LOG = Logger.getLogger(ChannelBridgeBean.class.getName());

    @EJB
    ChannelAdjudicatorContract adjudicator;
    @EJB
    InteractionSequencer sequencer;
    /** Blocks to stay behind L1's head; 0 for anvil, some dozens for a public chain. */
    @Inject
    @ConfigProperty(name = "agnt2.l1.confirmations", defaultValue = "0")
    int confirmations;
    @Inject
    @ConfigProperty(name = "agnt2.channel.bridge.max-blocks-per-pass", defaultValue = "2000")
    int maxBlocksPerPass;

    private final PeriodicPass pass = new PeriodicPass("following the channel adjudicator's events", LOG);
    private volatile ChannelEventFollower follower;

    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
    void follow() {
        pass.runUnlessRunning(() -> {
            ChannelEventFollower.Pass done = follower().followOnce();
            if (done.recorded() + done.refused() > 0) {
                LOG.info("L1 blocks " + done.fromBlock() + ".." + done.toBlock() + ": " + done.recorded()
                        + " channel events recorded in the rollup, " + done.refused() + " refused");
            }
        });
    }

    private ChannelEventFollower follower() {
        if (follower == null) {
            follower = new ChannelEventFollower(adjudicator.operator().events(),
                    new ChannelEventTranslation(adjudicator.address()), new SequencerInbox(), confirmations,
                    maxBlocksPerPass);
        }
        return follower;
    }

    private final class SequencerInbox implements ChannelEventFollower.RollupInbox {

        @Override
        public long cursor() {
            return sequencer.bridgeCursor(adjudicator.address());
        }

        @Override
        public boolean accept(BridgedInteraction event) {
            try {
                sequencer.acceptBridged(event);
                return true;
            } catch (Rejection refused) {
                LOG.warning("the rollup refused the L1 event " + event + ": " + refused.code() + " "
                        + refused.getMessage());
                return false;
            }
        }
    }
}
