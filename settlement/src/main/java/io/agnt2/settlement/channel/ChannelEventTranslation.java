package io.agnt2.settlement.channel;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.interaction.BridgedInteraction;
import io.agnt2.protocol.interaction.ChannelClose;
import io.agnt2.protocol.interaction.ChannelCloseOutcome;
import io.agnt2.protocol.interaction.ChannelOpen;
import io.agnt2.settlement.infrastructure.l1.channel.AdjudicatorEvent;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the rollup records of one adjudicator event (decision 0014): a channel became Open (A's
 * {@code open} asking nothing of B, or B's deposit), or it was finalised, cooperatively, after an
 * unanswered unilateral close, or after a dispute. Everything else (a pending opening, a cancellation,
 * a close still in its challenge period) records nothing yet. The outcome of a close is read from the
 * channel's own L1 history: a challenged close counts against the participant that sent it (the
 * adjudicator's {@code ChannelClosing} names the sender), and against nobody if someone else sent it.
 */
public final class ChannelEventTranslation {

    private final AgentAddress adjudicator;

    public ChannelEventTranslation(AgentAddress adjudicator) {
        this.adjudicator = Objects.requireNonNull(adjudicator, "adjudicator");
    }

    /** Whether {@link #translate} needs the channel's earlier history for this event. */
    public static boolean needsHistory(AdjudicatorEvent event) {
        return event instanceof AdjudicatorEvent.Funded || event instanceof AdjudicatorEvent.Finalized;
    }

    /**
     * @param history the channel's events up to at least {@code event} (only read when
     *                {@link #needsHistory} says so)
     * @throws IllegalArgumentException if the history lacks the channel's opening (a node that dropped logs)
     */
    public Optional<BridgedInteraction> translate(AdjudicatorEvent event, List<AdjudicatorEvent> history) {
        return switch (event) {
            case AdjudicatorEvent.Opened opened when opened.depositB().isZero() -> Optional.of(open(opened, opened.position()));
            case AdjudicatorEvent.Funded funded -> Optional.of(open(opening(funded, history), funded.position()));
            case AdjudicatorEvent.Finalized finalized -> Optional.of(close(finalized, history));
            default -> Optional.empty();
        };
    }

    private ChannelOpen open(AdjudicatorEvent.Opened opened, long position) {
        return new ChannelOpen(adjudicator, opened.channelId(), opened.participantA(), opened.participantB(),
                opened.depositA(), opened.depositB(), position);
    }

    private ChannelClose close(AdjudicatorEvent.Finalized finalized, List<AdjudicatorEvent> history) {
        AdjudicatorEvent.Opened opened = opening(finalized, history);
        List<AdjudicatorEvent> before = history.stream().filter(e -> e.position() < finalized.position()).toList();
        Optional<AdjudicatorEvent.Closing> closing = before.stream()
                .filter(AdjudicatorEvent.Closing.class::isInstance).map(AdjudicatorEvent.Closing.class::cast).findFirst();
        boolean challenged = before.stream().anyMatch(AdjudicatorEvent.Challenged.class::isInstance);
        long registeredNonce = before.stream().mapToLong(ChannelEventTranslation::registeredNonce).max().orElse(-1);

        ChannelCloseOutcome outcome;
        AgentAddress staleClaimant = ChannelClose.NOBODY;
        if (closing.isEmpty() || finalized.nonce() > registeredNonce) {
            // never disputed, or both signed a final state that settled the dispute
            outcome = ChannelCloseOutcome.COOPERATIVE;
        } else if (challenged) {
            outcome = ChannelCloseOutcome.DISPUTED;
            staleClaimant = staleClaimant(opened, closing.get());
        } else {
            outcome = ChannelCloseOutcome.UNCONTESTED;
        }
        return new ChannelClose(adjudicator, finalized.channelId(), opened.participantA(), opened.participantB(),
                finalized.nonce(), finalized.balanceA(), finalized.balanceB(), outcome, staleClaimant,
                finalized.position());
    }

    /**
     * The participant that sent the close whose state a challenge proved stale. A close sent by anyone else
     * (an operator, a watcher) names nobody: what a state's balances favour says nothing of who posted it,
     * and counting it against the favoured side would let either side slander the other.
     */
    private static AgentAddress staleClaimant(AdjudicatorEvent.Opened opened, AdjudicatorEvent.Closing stale) {
        AgentAddress closer = stale.closer();
        return closer.equals(opened.participantA()) || closer.equals(opened.participantB()) ? closer : ChannelClose.NOBODY;
    }

    private static long registeredNonce(AdjudicatorEvent event) {
        return switch (event) {
            case AdjudicatorEvent.Closing closing -> closing.nonce();
            case AdjudicatorEvent.Challenged challenged -> challenged.nonce();
            default -> -1;
        };
    }

    private static AdjudicatorEvent.Opened opening(AdjudicatorEvent event, List<AdjudicatorEvent> history) {
        return history.stream().filter(AdjudicatorEvent.Opened.class::isInstance).map(AdjudicatorEvent.Opened.class::cast)
                .filter(opened -> opened.channelId().equals(event.channelId())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the L1 history of channel " + event.channelId()
                        + " has no opening"));
    }
}
