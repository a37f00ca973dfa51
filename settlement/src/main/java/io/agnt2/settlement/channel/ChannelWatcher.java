package io.agnt2.settlement.channel;

import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.channel.SignedChannelState;
import io.agnt2.settlement.infrastructure.l1.RollupException;
import io.agnt2.settlement.infrastructure.l1.channel.AdjudicatorClient;
import io.agnt2.settlement.infrastructure.l1.channel.ChannelRefusedException;
import io.agnt2.settlement.infrastructure.l1.channel.ChannelStatus;
import io.agnt2.settlement.infrastructure.l1.channel.ChannelTransaction;
import io.agnt2.settlement.infrastructure.l1.channel.OnChainChannel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Defends our channels on L1: when the other side closes a channel unilaterally with a state older
 * than the newest one both of us signed, the watcher posts the newer one within the challenge period,
 * so the old state loses (decision 0008: the deadline is fixed, the newest state posted wins).
 *
 * <p>It looks, it does not listen: each {@link #watchOnce() pass} reads every held channel's record
 * on L1. That is one {@code eth_call} per channel per pass, fine for the hundreds of channels a server
 * holds; a server with many thousands would follow the adjudicator's {@code Closed} events instead.
 * Who submits a challenge does not matter to the contract (the two signatures do), so the watcher
 * uses its own L1 key and gas, not the participants'.
 */
public final class ChannelWatcher {

    private static final Logger LOG = Logger.getLogger(ChannelWatcher.class.getName());

    private final AdjudicatorClient l1;
    private final HeldChannelStates held;
    private final Clock clock;

    public ChannelWatcher(AdjudicatorClient l1, HeldChannelStates held) {
        this(l1, held, Clock.systemUTC());
    }

    ChannelWatcher(AdjudicatorClient l1, HeldChannelStates held, Clock clock) {
        this.l1 = Objects.requireNonNull(l1, "l1");
        this.held = Objects.requireNonNull(held, "held");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * One look at every held channel; answers each close whose state is older than ours.
     *
     * @return the disputes answered in this pass (empty when nobody cheated)
     */
    public List<Dispute> watchOnce() {
        List<Dispute> answered = new ArrayList<>();
        for (SignedChannelState ours : held.latest()) {
            ChannelId id = ours.state().channelId();
            try {
                OnChainChannel onChain = l1.channel(id);
                if (isStaleClose(onChain, ours)) {
                    answered.add(answer(id, onChain, ours));
                }
            } catch (ChannelRefusedException refused) {
                // Lost a race (someone posted the same or a newer state first, or the period just
                // ended): nothing to defend any more, and the next pass sees the settled record.
                LOG.info(() -> "channel " + id + ": L1 refused our answer: " + refused.getMessage());
            } catch (RollupException unreachable) {
                LOG.log(Level.WARNING, "channel " + id + ": cannot read or answer on L1 now; retrying next pass",
                        unreachable);
            }
        }
        return answered;
    }

    private boolean isStaleClose(OnChainChannel onChain, SignedChannelState ours) {
        return onChain.status() == ChannelStatus.CLOSING
                && onChain.nonce() < ours.state().nonce()
                && onChain.finalizesAt().map(deadline -> clock.instant().isBefore(deadline)).orElse(false);
    }

    private Dispute answer(ChannelId id, OnChainChannel onChain, SignedChannelState ours) {
        LOG.warning(() -> "channel " + id + " is closing on L1 with state " + onChain.nonce()
                + " but we hold state " + ours.state().nonce() + ": challenging");
        // A final state may settle at once even during a dispute; any other newer state challenges.
        ChannelTransaction tx = ours.state().isFinal() ? l1.closeCooperatively(ours) : l1.challenge(ours);
        return new Dispute(id, onChain.nonce(), ours.state().nonce(), tx);
    }
}
