package io.agnt2.protocol.execution;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.interaction.ChannelClose;
import io.agnt2.protocol.interaction.ChannelCloseOutcome;
import io.agnt2.protocol.interaction.ChannelOpen;
import io.agnt2.protocol.interaction.L1EventPosition;
import io.agnt2.protocol.interaction.Register;
import io.agnt2.protocol.state.ChannelEntry;
import io.agnt2.protocol.state.Reputation;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.agnt2.protocol.execution.Chain.agent;
import static io.agnt2.protocol.execution.TransitionRejection.Reason.*;
import static org.junit.jupiter.api.Assertions.*;

/** CHANNEL_OPEN and CHANNEL_CLOSE: the trie follows a channel's L1 life, once per event, in L1 order. */
class ChannelRulesTest {

    private static final AgentAddress ADJUDICATOR = agent(100);
    private static final AgentAddress ALICE = agent(1);       // registered on the rollup
    private static final AgentAddress PARTNER = agent(2);     // an L1 account the rollup has never seen
    private static final ChannelId CHANNEL = ChannelId.fromHex("0x" + "c1".repeat(32));
    private static final ChannelId OTHER_CHANNEL = ChannelId.fromHex("0x" + "c2".repeat(32));

    private Chain chain;

    @BeforeEach
    void aliceRegistered() {
        chain = new Chain();
        chain.block = 7;
        chain.ok(new Register(ALICE, "acme", "", Nonce.ZERO));
    }

    @Test
    void anOpeningIsRecordedOnBothRecordsAndMovesTheCursor() {
        Receipt receipt = chain.ok(open(CHANNEL, 10, 0));

        assertEquals(Wei.ZERO, receipt.amount());
        assertEquals(new ChannelEntry(PARTNER, Wei.of(600), Wei.of(400), 7), chain.record(ALICE).channels().get(CHANNEL));
        assertEquals(new ChannelEntry(ALICE, Wei.of(400), Wei.of(600), 7), chain.record(PARTNER).channels().get(CHANNEL));
        assertFalse(chain.record(PARTNER).isRegistered(), "an L1 account is recorded, not registered");
        assertEquals(Wei.of(1_000), chain.balance(ALICE), "the deposits are on L1, not in the rollup balance");
        assertEquals(Nonce.of(L1EventPosition.of(10, 0)), chain.nonce(ADJUDICATOR));
        assertEquals(Nonce.of(1), chain.nonce(ALICE), "an L1 event consumes no agent's nonce");
    }

    @Test
    void aCooperativeCloseDropsTheChannelAndCountsForBoth() {
        chain.ok(open(CHANNEL, 10, 0));
        chain.ok(close(CHANNEL, 11, 2, Wei.of(300), Wei.of(700), ChannelCloseOutcome.COOPERATIVE, ChannelClose.NOBODY));

        assertTrue(chain.record(ALICE).channels().isEmpty());
        assertTrue(chain.record(PARTNER).channels().isEmpty());
        assertEquals(new Reputation(0, 0, 1, 0), chain.record(ALICE).reputation());
        assertEquals(new Reputation(0, 0, 1, 0), chain.record(PARTNER).reputation());
        assertEquals(Wei.of(1_000), chain.balance(ALICE), "the payout happened on L1");
    }

    @Test
    void aLostDisputeCountsAgainstTheStaleClaimantOnly() {
        chain.ok(open(CHANNEL, 10, 0));
        chain.ok(close(CHANNEL, 20, 0, Wei.of(500), Wei.of(500), ChannelCloseOutcome.DISPUTED, PARTNER));

        assertEquals(new Reputation(0, 0, 0, 1), chain.record(PARTNER).reputation());
        assertEquals(Reputation.NONE, chain.record(ALICE).reputation());
    }

    @Test
    void anUncontestedCloseMovesNoReputation() {
        chain.ok(open(CHANNEL, 10, 0));
        chain.ok(close(CHANNEL, 20, 0, Wei.of(600), Wei.of(400), ChannelCloseOutcome.UNCONTESTED, ChannelClose.NOBODY));

        assertEquals(Reputation.NONE, chain.record(ALICE).reputation());
        assertEquals(Reputation.NONE, chain.record(PARTNER).reputation());
        assertTrue(chain.record(ALICE).channels().isEmpty());
    }

    @Test
    void eachL1EventCountsOnceAndInOrder() {
        chain.ok(open(CHANNEL, 10, 5));
        chain.refused(open(OTHER_CHANNEL, 10, 5), L1_EVENT_ALREADY_APPLIED);
        chain.refused(open(OTHER_CHANNEL, 9, 0), L1_EVENT_ALREADY_APPLIED);
        chain.ok(close(CHANNEL, 12, 0, Wei.of(600), Wei.of(400), ChannelCloseOutcome.COOPERATIVE, ChannelClose.NOBODY));
        // the bridge read the same events again (say, after a restart): the opening is not redone, the
        // close is not counted twice
        chain.refused(open(CHANNEL, 10, 5), L1_EVENT_ALREADY_APPLIED);
        chain.refused(close(CHANNEL, 12, 0, Wei.of(600), Wei.of(400), ChannelCloseOutcome.COOPERATIVE,
                ChannelClose.NOBODY), L1_EVENT_ALREADY_APPLIED);
        assertEquals(1, chain.record(ALICE).reputation().cooperativeCloses());
    }

    @Test
    void refusals() {
        chain.ok(open(CHANNEL, 10, 0));
        chain.refused(open(CHANNEL, 11, 0), CHANNEL_EXISTS);
        chain.refused(close(OTHER_CHANNEL, 11, 0, Wei.of(600), Wei.of(400), ChannelCloseOutcome.COOPERATIVE,
                ChannelClose.NOBODY), CHANNEL_NOT_FOUND);
        chain.refused(close(CHANNEL, 11, 0, Wei.of(600), Wei.of(401), ChannelCloseOutcome.COOPERATIVE,
                ChannelClose.NOBODY), INVALID_FIELD);
        chain.refused(new ChannelOpen(ADJUDICATOR, OTHER_CHANNEL, ALICE, ALICE, Wei.of(1), Wei.ZERO,
                L1EventPosition.of(11, 0)), INVALID_FIELD);
        // the participants swapped: not the channel either record holds
        chain.refused(new ChannelClose(ADJUDICATOR, CHANNEL, ALICE, agent(3), 1, Wei.of(600), Wei.of(400),
                ChannelCloseOutcome.COOPERATIVE, ChannelClose.NOBODY, L1EventPosition.of(11, 0)), CHANNEL_NOT_FOUND);
    }

    @Test
    void theDeclaredKeysCoverWhatTheRulesTouch() {
        // KeyAccess declares adjudicator, A and B as written: the rules run behind the enforcing view, so an
        // undeclared touch would have been refused in every test above; here, the declaration itself.
        KeyAccess access = KeyAccess.of(open(CHANNEL, 10, 0));
        assertTrue(access.mayWrite(ADJUDICATOR) && access.mayWrite(ALICE) && access.mayWrite(PARTNER));
        assertTrue(access.deltas().isEmpty());
    }

    private static ChannelOpen open(ChannelId channel, long l1Block, int logIndex) {
        return new ChannelOpen(ADJUDICATOR, channel, ALICE, PARTNER, Wei.of(600), Wei.of(400),
                L1EventPosition.of(l1Block, logIndex));
    }

    private static ChannelClose close(ChannelId channel, long l1Block, int logIndex, Wei balanceA, Wei balanceB,
                                      ChannelCloseOutcome outcome, AgentAddress staleClaimant) {
        return new ChannelClose(ADJUDICATOR, channel, ALICE, PARTNER, 42, balanceA, balanceB, outcome, staleClaimant,
                L1EventPosition.of(l1Block, logIndex));
    }
}
