package io.agnt2.settlement.channel;

import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.channel.node.ChannelView;
import io.agnt2.protocol.channel.L1SignedChannelState;
import io.agnt2.protocol.channel.SignedChannelState;
import io.agnt2.settlement.infrastructure.l1.RollupException;
import io.agnt2.settlement.infrastructure.l1.channel.AdjudicatorClient;
import io.agnt2.settlement.infrastructure.l1.channel.AdjudicatorEvent;
import io.agnt2.settlement.infrastructure.l1.channel.AdjudicatorEvents;
import io.agnt2.settlement.infrastructure.l1.channel.ChannelRefusedException;
import io.agnt2.settlement.infrastructure.l1.channel.ChannelStatus;
import io.agnt2.settlement.infrastructure.l1.channel.ChannelTransaction;
import io.agnt2.settlement.infrastructure.l1.channel.OnChainChannel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Defends our channels on L1: when the other side closes a channel unilaterally with a state older
 * than the newest one both of us signed, the watcher posts the newer one within the challenge period,
 * so the old state loses (decision 0008: the deadline is fixed, the newest state posted wins).
 *
 * <p>It follows the adjudicator's {@code ChannelClosing} events: a pass reads the events of the blocks
 * since the last pass ({@code eth_getLogs}) and looks at the channel record of only those held channels
 * that someone closed. The first pass after a start reads every held channel's record instead, to
 * catch a close made while the server was down; a channel whose record or answer failed is looked at
 * again in the next pass. Who submits a challenge does not matter to the contract (the two signatures
 * do), so the watcher uses its own L1 key and gas, not the participants'.
 */
public final class ChannelWatcher {

    private static final Logger LOG = Logger.getLogger(ChannelWatcher.class.getName());

    private final AdjudicatorClient l1;
    private final AdjudicatorEvents events;
    private final HeldChannelStates held;
    private final Clock clock;
    /** The newest L1 block whose events a pass read; -1 before the first pass. */
    private long scannedTo = -1;
    /** Closing channels a pass could not read or answer: looked at again in the next. */
    private final Set<ChannelId> retry = new HashSet<>();

    public ChannelWatcher(AdjudicatorClient l1, HeldChannelStates held) {
        this(l1, held, Clock.systemUTC());
    }

    ChannelWatcher(AdjudicatorClient l1, HeldChannelStates held, Clock clock) {
        this.l1 = Objects.requireNonNull(l1, "l1");
        this.events = l1.events();
        this.held = Objects.requireNonNull(held, "held");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * One look at every held channel; answers each close whose state is older than ours.
     *
     * @return the disputes answered in this pass (empty when nobody cheated)
     */
    public List<Dispute> watchOnce() {
        long head = events.latestBlock();
        List<ChannelView> candidates = candidates(head);
        scannedTo = head;
        List<Dispute> answered = new ArrayList<>();
        for (ChannelView view : candidates) {
            SignedChannelState ours = view.latest();
            ChannelId id = ours.state().channelId();
            retry.remove(id);
            try {
                OnChainChannel onChain = l1.channel(id);
                if (isStaleClose(onChain, ours)) {
                    answered.add(answer(id, onChain, view));
                }
            } catch (ChannelRefusedException refused) {
                // Lost a race (someone posted the same or a newer state first, or the period just
                // ended): nothing to defend any more, and the next pass sees the settled record.
                LOG.info(() -> "channel " + id + ": L1 refused our answer: " + refused.getMessage());
            } catch (RollupException unreachable) {
                retry.add(id);
                LOG.log(Level.WARNING, "channel " + id + ": cannot read or answer on L1 now; retrying next pass",
                        unreachable);
            }
        }
        return answered;
    }

    /** Every held channel on the first pass; later, those closed in the new blocks, and the retries. */
    private List<ChannelView> candidates(long head) {
        Collection<ChannelView> all = held.latest();
        if (scannedTo < 0) {
            return List.copyOf(all);
        }
        Set<ChannelId> closed = new HashSet<>(retry);
        if (head > scannedTo) {
            events.between(scannedTo + 1, head).stream().filter(AdjudicatorEvent.Closing.class::isInstance)
                    .map(AdjudicatorEvent::channelId).forEach(closed::add);
        }
        return all.stream().filter(view -> closed.contains(view.id())).toList();
    }

    private boolean isStaleClose(OnChainChannel onChain, SignedChannelState ours) {
        return onChain.status() == ChannelStatus.CLOSING
                && onChain.nonce() < ours.state().nonce()
                && onChain.finalizesAt().map(deadline -> clock.instant().isBefore(deadline)).orElse(false);
    }

    private Dispute answer(ChannelId id, OnChainChannel onChain, ChannelView view) {
        L1SignedChannelState ours = view.latestForL1(); // the v's are found only for a state that leaves the pair
        LOG.warning(() -> "channel " + id + " is closing on L1 with state " + onChain.nonce()
                + " but we hold state " + ours.state().nonce() + ": challenging");
        // A final state may settle at once even during a dispute; any other newer state challenges.
        ChannelTransaction tx = ours.state().isFinal() ? l1.closeCooperatively(ours) : l1.challenge(ours);
        return new Dispute(id, onChain.nonce(), ours.state().nonce(), tx);
    }
}
