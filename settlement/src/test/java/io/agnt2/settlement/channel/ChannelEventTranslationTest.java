package io.agnt2.settlement.channel;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.interaction.BridgedInteraction;
import io.agnt2.protocol.interaction.ChannelClose;
import io.agnt2.protocol.interaction.ChannelCloseOutcome;
import io.agnt2.protocol.interaction.ChannelOpen;
import io.agnt2.protocol.value.Wei;
import io.agnt2.settlement.infrastructure.l1.channel.AdjudicatorEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** Which adjudicator events the rollup records, and how a close's outcome follows from the channel's history. */
class ChannelEventTranslationTest {

    private static final AgentAddress ADJUDICATOR = AgentAddress.of("0x" + "ad".repeat(20));
    private static final AgentAddress A = AgentAddress.of("0x" + "0a".repeat(20));
    private static final AgentAddress B = AgentAddress.of("0x" + "0b".repeat(20));
    private static final ChannelId ID = ChannelId.fromHex("0x" + "c1".repeat(32));
    private static final AdjudicatorEvent.Opened OPENED = new AdjudicatorEvent.Opened(ID, 10, A, B, Wei.of(60), Wei.of(40));
    private static final AdjudicatorEvent.Funded FUNDED = new AdjudicatorEvent.Funded(ID, 20, Wei.of(40));

    private final ChannelEventTranslation translation = new ChannelEventTranslation(ADJUDICATOR);

    @Test
    void aChannelIsRecordedWhenItIsOpenNotWhileItWaitsForBsDeposit() {
        assertEquals(Optional.empty(), translation.translate(OPENED, List.of()));
        ChannelOpen open = (ChannelOpen) translation.translate(FUNDED, List.of(OPENED, FUNDED)).orElseThrow();
        assertEquals(new ChannelOpen(ADJUDICATOR, ID, A, B, Wei.of(60), Wei.of(40), 20), open);

        var openAtOnce = new AdjudicatorEvent.Opened(ID, 11, A, B, Wei.of(60), Wei.ZERO);
        assertEquals(new ChannelOpen(ADJUDICATOR, ID, A, B, Wei.of(60), Wei.ZERO, 11),
                translation.translate(openAtOnce, List.of()).orElseThrow());
        assertEquals(Optional.empty(), translation.translate(new AdjudicatorEvent.Cancelled(ID, 12), List.of(OPENED)));
        assertTrue(ChannelEventTranslation.needsHistory(FUNDED));
        assertFalse(ChannelEventTranslation.needsHistory(OPENED));
    }

    @Test
    void aCloseWithoutARegisteredStateIsCooperative() {
        var finalized = new AdjudicatorEvent.Finalized(ID, 30, 7, Wei.of(50), Wei.of(50));
        ChannelClose close = close(finalized, OPENED, FUNDED, finalized);
        assertEquals(ChannelCloseOutcome.COOPERATIVE, close.outcome());
        assertEquals(ChannelClose.NOBODY, close.staleClaimant());
        assertEquals(7, close.finalNonce());
        assertEquals(30, close.l1Event());
    }

    @Test
    void anUnansweredUnilateralCloseIsUncontested() {
        var closing = new AdjudicatorEvent.Closing(ID, 30, B, 5, Wei.of(70), Wei.of(30));
        var finalized = new AdjudicatorEvent.Finalized(ID, 40, 5, Wei.of(70), Wei.of(30));
        assertEquals(ChannelCloseOutcome.UNCONTESTED, close(finalized, OPENED, FUNDED, closing, finalized).outcome());
    }

    @Test
    void aChallengedCloseIsADisputeLostByTheParticipantThatSentIt() {
        var closingByA = new AdjudicatorEvent.Closing(ID, 30, A, 5, Wei.of(70), Wei.of(30));
        var challenged = new AdjudicatorEvent.Challenged(ID, 31, 9, Wei.of(45), Wei.of(55));
        var finalized = new AdjudicatorEvent.Finalized(ID, 40, 9, Wei.of(45), Wei.of(55));
        ChannelClose close = close(finalized, OPENED, FUNDED, closingByA, challenged, finalized);
        assertEquals(ChannelCloseOutcome.DISPUTED, close.outcome());
        assertEquals(A, close.staleClaimant());

        // B posting a state that favours A cannot make the dispute count against A
        var closingByB = new AdjudicatorEvent.Closing(ID, 30, B, 5, Wei.of(70), Wei.of(30));
        assertEquals(B, close(finalized, OPENED, FUNDED, closingByB, challenged, finalized).staleClaimant());

        var closingByAnOperator = new AdjudicatorEvent.Closing(ID, 30, ADJUDICATOR, 5, Wei.of(70), Wei.of(30));
        ChannelClose byOperator = close(finalized, OPENED, FUNDED, closingByAnOperator, challenged, finalized);
        assertEquals(ChannelCloseOutcome.DISPUTED, byOperator.outcome());
        assertEquals(ChannelClose.NOBODY, byOperator.staleClaimant());
    }

    @Test
    void aFinalStateBothSignedDuringADisputeEndsItCooperatively() {
        var closing = new AdjudicatorEvent.Closing(ID, 30, B, 5, Wei.of(70), Wei.of(30));
        var finalized = new AdjudicatorEvent.Finalized(ID, 35, 12, Wei.of(40), Wei.of(60));
        assertEquals(ChannelCloseOutcome.COOPERATIVE, close(finalized, OPENED, FUNDED, closing, finalized).outcome());
    }

    @Test
    void aHistoryWithoutTheOpeningIsAnError() {
        var finalized = new AdjudicatorEvent.Finalized(ID, 30, 7, Wei.of(50), Wei.of(50));
        assertThrows(IllegalArgumentException.class, () -> translation.translate(finalized, List.of(finalized)));
        assertThrows(IllegalArgumentException.class, () -> translation.translate(FUNDED, List.of(FUNDED)));
    }

    private ChannelClose close(AdjudicatorEvent.Finalized finalized, AdjudicatorEvent... history) {
        BridgedInteraction bridged = translation.translate(finalized, List.of(history)).orElseThrow();
        return (ChannelClose) bridged;
    }
}
