package io.agnt2.protocol.execution;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.interaction.Capability;
import io.agnt2.protocol.interaction.CapabilityId;
import io.agnt2.protocol.interaction.Compose;
import io.agnt2.protocol.interaction.Deposit;
import io.agnt2.protocol.interaction.InvocationId;
import io.agnt2.protocol.interaction.Invoke;
import io.agnt2.protocol.interaction.Rate;
import io.agnt2.protocol.interaction.Register;
import io.agnt2.protocol.interaction.Respond;
import io.agnt2.protocol.interaction.SessionClose;
import io.agnt2.protocol.interaction.SessionOpen;
import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.interaction.Transfer;
import io.agnt2.protocol.interaction.Withdraw;
import io.agnt2.protocol.state.InvocationStatus;
import io.agnt2.protocol.state.Reputation;
import io.agnt2.protocol.state.Session;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.agnt2.protocol.execution.Chain.agent;
import static io.agnt2.protocol.execution.Chain.idOf;
import static io.agnt2.protocol.execution.TransitionRejection.Reason.*;
import static org.junit.jupiter.api.Assertions.*;

/** Each kind's happy path and refusals; every refusal also checks that the state did not move. */
class StateTransitionTest {

    private static final AgentAddress ALICE = agent(1);   // a caller
    private static final AgentAddress BOB = agent(2);     // a translation service
    private static final AgentAddress CAROL = agent(3);   // a summarising service
    private static final AgentAddress STRANGER = agent(9);
    private static final CapabilityId TRANSLATE = CapabilityId.named("translate");
    private static final CapabilityId SUMMARISE = CapabilityId.named("summarise");
    private static final Bytes32 REQUEST = Bytes32.fromHex("0x" + "aa".repeat(32));
    private static final Bytes32 ANOTHER_REQUEST = Bytes32.fromHex("0x" + "cc".repeat(32));
    private static final Bytes32 RESULT = Bytes32.fromHex("0x" + "bb".repeat(32));

    private Chain chain;

    /** Alice, Bob and Carol registered (grant 1000 each); Bob sells translation at 100, Carol summaries at 40. */
    @BeforeEach
    void threeAgents() {
        chain = new Chain();
        for (AgentAddress agent : List.of(ALICE, BOB, CAROL)) {
            chain.ok(new Register(agent, "org-" + agent, "", Nonce.ZERO));
        }
        chain.ok(new Capability(BOB, TRANSLATE, Wei.of(100), true, Nonce.of(1)));
        chain.ok(new Capability(CAROL, SUMMARISE, Wei.of(40), true, Nonce.of(1)));
    }

    // REGISTER

    @Test
    void registerGrantsAndKeepsValueThatArrivedBefore() {
        chain.ok(new Deposit(STRANGER, Wei.of(5), 0));
        assertFalse(chain.record(STRANGER).isRegistered());
        Receipt receipt = chain.ok(new Register(STRANGER, "initech", "https://initech.example", Nonce.ZERO));
        assertEquals(Wei.of(1_000), receipt.amount());
        assertEquals(Wei.of(1_005), chain.balance(STRANGER));
        assertEquals("https://initech.example", chain.record(STRANGER).metadataUri());
        assertEquals(Nonce.of(1), chain.nonce(STRANGER));
    }

    @Test
    void registerRefusals() {
        chain.refused(new Register(ALICE, "again", "", Nonce.of(1)), ALREADY_REGISTERED);
        chain.refused(new Register(STRANGER, "initech", "", Nonce.of(1)), NONCE_MISMATCH);
    }

    // CAPABILITY

    @Test
    void capabilityPublishesRepricesAndWithdraws() {
        chain.ok(new Capability(BOB, TRANSLATE, Wei.of(120), true, Nonce.of(2)));
        assertEquals(Wei.of(120), chain.record(BOB).capabilities().get(TRANSLATE));
        chain.ok(new Capability(BOB, TRANSLATE, Wei.ZERO, false, Nonce.of(3)));
        assertFalse(chain.record(BOB).capabilities().containsKey(TRANSLATE));
    }

    @Test
    void capabilityRefusals() {
        chain.refused(new Capability(STRANGER, TRANSLATE, Wei.of(1), true, Nonce.ZERO), UNKNOWN_AGENT);
        chain.refused(new Capability(BOB, TRANSLATE, Wei.of(1), true, Nonce.of(7)), NONCE_MISMATCH);
        chain.refused(new Capability(BOB, SUMMARISE, Wei.ZERO, false, Nonce.of(2)), UNKNOWN_CAPABILITY);
        chain.refused(new Capability(BOB, TRANSLATE, Wei.of(3), false, Nonce.of(2)), INVALID_FIELD);
    }

    // TRANSFER

    @Test
    void transferDebitsAndCreditsEvenAnUnregisteredReceiver() {
        chain.ok(new Transfer(ALICE, BOB, Wei.of(300), Nonce.of(1)));
        chain.ok(new Transfer(ALICE, STRANGER, Wei.of(200), Nonce.of(2)));
        assertEquals(Wei.of(500), chain.balance(ALICE));
        assertEquals(Wei.of(1_300), chain.balance(BOB));
        assertEquals(Wei.of(200), chain.balance(STRANGER));
        assertEquals(Nonce.of(3), chain.nonce(ALICE));
        assertEquals(Nonce.of(2), chain.nonce(BOB), "receiving does not consume a nonce");
    }

    @Test
    void transferRefusals() {
        chain.refused(new Transfer(ALICE, BOB, Wei.of(1_001), Nonce.of(1)), INSUFFICIENT_BALANCE);
        chain.refused(new Transfer(ALICE, BOB, Wei.of(1), Nonce.ZERO), NONCE_MISMATCH);
        chain.refused(new Transfer(ALICE, ALICE, Wei.of(1), Nonce.of(1)), INVALID_FIELD);
        chain.refused(new Transfer(STRANGER, ALICE, Wei.ZERO, Nonce.ZERO), UNKNOWN_AGENT);
    }

    // INVOKE and RESPOND

    @Test
    void invokeEscrowsThePriceAndRespondReleasesIt() {
        Invoke invoke = new Invoke(ALICE, BOB, TRANSLATE, Wei.of(150), REQUEST, false, Nonce.of(1));
        Receipt opened = chain.ok(invoke);
        InvocationId id = idOf(invoke);
        assertEquals(id, opened.invocation());
        assertEquals(Wei.of(100), opened.amount(), "the callee's price, not the caller's maximum");
        assertEquals(Wei.of(900), chain.balance(ALICE));
        assertEquals(Wei.of(1_000), chain.balance(BOB), "an invoke does not touch the callee");
        assertEquals(InvocationStatus.OPEN, chain.record(ALICE).invocations().get(id).status());
        assertEquals(chain.block + 10, chain.record(ALICE).invocations().get(id).expiresAtBlock());

        Receipt answered = chain.ok(new Respond(BOB, ALICE, id, RESULT, Nonce.of(2)));
        assertEquals(Wei.of(100), answered.amount());
        assertEquals(Wei.of(1_100), chain.balance(BOB));
        assertEquals(InvocationStatus.RESPONDED, chain.record(ALICE).invocations().get(id).status());
        assertEquals(RESULT, chain.record(ALICE).invocations().get(id).resultHash());
        assertEquals(Nonce.of(3), chain.nonce(BOB));
    }

    @Test
    void invokeRefusals() {
        chain.refused(new Invoke(ALICE, BOB, TRANSLATE, Wei.of(99), REQUEST, false, Nonce.of(1)), PRICE_ABOVE_MAX);
        chain.refused(new Invoke(ALICE, BOB, SUMMARISE, Wei.of(999), REQUEST, false, Nonce.of(1)), UNKNOWN_CAPABILITY);
        chain.refused(new Invoke(ALICE, STRANGER, TRANSLATE, Wei.of(999), REQUEST, false, Nonce.of(1)), UNKNOWN_AGENT);
        chain.refused(new Invoke(ALICE, ALICE, TRANSLATE, Wei.of(999), REQUEST, false, Nonce.of(1)), INVALID_FIELD);
        chain.refused(new Invoke(ALICE, BOB, TRANSLATE, Wei.of(999), REQUEST, false, Nonce.of(4)), NONCE_MISMATCH);
        chain.refused(new Invoke(ALICE, BOB, TRANSLATE, Wei.of(999), REQUEST, true, Nonce.of(1)), SESSION_NOT_FOUND);
        chain.ok(new Transfer(ALICE, CAROL, Wei.of(950), Nonce.of(1)));
        chain.refused(new Invoke(ALICE, BOB, TRANSLATE, Wei.of(999), REQUEST, false, Nonce.of(2)), INSUFFICIENT_BALANCE);
    }

    @Test
    void respondRefusals() {
        Invoke invoke = new Invoke(ALICE, BOB, TRANSLATE, Wei.of(100), REQUEST, false, Nonce.of(1));
        chain.ok(invoke);
        InvocationId id = idOf(invoke);
        chain.refused(new Respond(BOB, ALICE, InvocationId.fromHex("0x" + "01".repeat(32)), RESULT, Nonce.of(2)),
                INVOCATION_NOT_FOUND);
        chain.refused(new Respond(CAROL, ALICE, id, RESULT, Nonce.of(2)), WRONG_CALLEE);
        chain.refused(new Respond(BOB, ALICE, id, RESULT, Nonce.of(5)), NONCE_MISMATCH);
        chain.refused(new Respond(BOB, STRANGER, id, RESULT, Nonce.of(2)), INVOCATION_NOT_FOUND);
        chain.block += 11;
        chain.refused(new Respond(BOB, ALICE, id, RESULT, Nonce.of(2)), INVOCATION_EXPIRED);
        chain.block -= 1;
        chain.ok(new Respond(BOB, ALICE, id, RESULT, Nonce.of(2)));
        chain.refused(new Respond(BOB, ALICE, id, RESULT, Nonce.of(3)), INVOCATION_NOT_OPEN);
    }

    // COMPOSE

    @Test
    void composeFansInAnsweredInvocations() {
        InvocationId first = answered(new Invoke(ALICE, BOB, TRANSLATE, Wei.of(100), REQUEST, false, Nonce.of(1)), BOB, 2);
        InvocationId second = answered(new Invoke(ALICE, BOB, TRANSLATE, Wei.of(100), RESULT, false, Nonce.of(2)), BOB, 3);
        chain.ok(new Rate(ALICE, BOB, second, 5, Nonce.of(3))); // a rated input still counts as answered
        Compose compose = new Compose(ALICE, CAROL, SUMMARISE, Wei.of(40), List.of(first, second), Nonce.of(4));
        Receipt receipt = chain.ok(compose);
        assertEquals(Wei.of(40), receipt.amount());
        assertEquals(Wei.of(1_000 - 100 - 100 - 40), chain.balance(ALICE));
        assertEquals(InvocationStatus.OPEN, chain.record(ALICE).invocations().get(idOf(compose)).status());
        chain.ok(new Respond(CAROL, ALICE, idOf(compose), RESULT, Nonce.of(2)));
        assertEquals(Wei.of(1_040), chain.balance(CAROL));
    }

    @Test
    void composeRefusals() {
        Invoke open = new Invoke(ALICE, BOB, TRANSLATE, Wei.of(100), REQUEST, false, Nonce.of(1));
        chain.ok(open);
        InvocationId done = answered(new Invoke(ALICE, BOB, TRANSLATE, Wei.of(100), RESULT, false, Nonce.of(2)), BOB, 2);
        InvocationId bobs = answered(new Invoke(BOB, CAROL, SUMMARISE, Wei.of(40), REQUEST, false, Nonce.of(3)), CAROL, 2);
        chain.refused(compose(List.of(done, idOf(open)), 3), INVOCATION_NOT_RESPONDED);
        chain.refused(compose(List.of(done, bobs), 3), INVOCATION_NOT_FOUND);
        chain.refused(compose(List.of(), 3), INVALID_FIELD);
        chain.refused(compose(List.of(done, done), 3), INVALID_FIELD);
        chain.refused(new Compose(ALICE, CAROL, SUMMARISE, Wei.of(39), List.of(done), Nonce.of(3)), PRICE_ABOVE_MAX);
        chain.refused(compose(List.of(done), 9), NONCE_MISMATCH);
        chain.ok(compose(List.of(done), 3));
    }

    // RATE

    @Test
    void rateMovesTheCalleesReputationOnce() {
        InvocationId id = answered(new Invoke(ALICE, BOB, TRANSLATE, Wei.of(100), REQUEST, false, Nonce.of(1)), BOB, 2);
        Receipt receipt = chain.ok(new Rate(ALICE, BOB, id, 4, Nonce.of(2)));
        assertEquals(id, receipt.invocation());
        assertEquals(new Reputation(4, 1), chain.record(BOB).reputation());
        assertEquals(InvocationStatus.RATED, chain.record(ALICE).invocations().get(id).status());
        assertEquals(Nonce.of(3), chain.nonce(BOB), "being rated consumes no nonce");
        chain.refused(new Rate(ALICE, BOB, id, 5, Nonce.of(3)), ALREADY_RATED);
    }

    @Test
    void rateRefusals() {
        Invoke open = new Invoke(ALICE, BOB, TRANSLATE, Wei.of(100), REQUEST, false, Nonce.of(1));
        chain.ok(open);
        InvocationId done = answered(new Invoke(ALICE, BOB, TRANSLATE, Wei.of(100), RESULT, false, Nonce.of(2)), BOB, 2);
        chain.refused(new Rate(ALICE, BOB, idOf(open), 3, Nonce.of(3)), INVOCATION_NOT_RESPONDED);
        chain.refused(new Rate(ALICE, CAROL, done, 3, Nonce.of(3)), WRONG_CALLEE);
        chain.refused(new Rate(ALICE, BOB, done, 0, Nonce.of(3)), INVALID_FIELD);
        chain.refused(new Rate(ALICE, BOB, done, 6, Nonce.of(3)), INVALID_FIELD);
        chain.refused(new Rate(ALICE, BOB, new InvocationId(Bytes32.ZERO), 3, Nonce.of(3)), INVOCATION_NOT_FOUND);
        chain.refused(new Rate(CAROL, BOB, done, 3, Nonce.of(2)), INVOCATION_NOT_FOUND);
        chain.refused(new Rate(ALICE, BOB, done, 3, Nonce.of(2)), NONCE_MISMATCH);
    }

    // SESSION_OPEN, INVOKE from a session, SESSION_CLOSE

    @Test
    void sessionLocksBudgetPaysInvocationsAndReturnsTheRest() {
        Receipt locked = chain.ok(new SessionOpen(ALICE, BOB, Wei.of(250), 20, Nonce.of(1)));
        assertEquals(Wei.of(250), locked.amount());
        assertEquals(Wei.of(750), chain.balance(ALICE));
        chain.ok(new Invoke(ALICE, BOB, TRANSLATE, Wei.of(100), REQUEST, true, Nonce.of(2)));
        chain.ok(new Invoke(ALICE, BOB, TRANSLATE, Wei.of(100), RESULT, true, Nonce.of(3)));
        assertEquals(Wei.of(750), chain.balance(ALICE), "paid from the session, not the balance");
        assertEquals(new Session(Wei.of(250), Wei.of(200), 20), chain.record(ALICE).sessions().get(BOB));
        chain.refused(new Invoke(ALICE, BOB, TRANSLATE, Wei.of(100), ANOTHER_REQUEST, true, Nonce.of(4)),
                SESSION_OVER_BUDGET);
        Receipt returned = chain.ok(new SessionClose(ALICE, BOB, Nonce.of(4)));
        assertEquals(Wei.of(50), returned.amount());
        assertEquals(Wei.of(800), chain.balance(ALICE));
        assertTrue(chain.record(ALICE).sessions().isEmpty());
    }

    @Test
    void sessionRefusals() {
        chain.refused(new SessionOpen(ALICE, STRANGER, Wei.of(10), 20, Nonce.of(1)), UNKNOWN_AGENT);
        chain.refused(new SessionOpen(ALICE, ALICE, Wei.of(10), 20, Nonce.of(1)), INVALID_FIELD);
        chain.refused(new SessionOpen(ALICE, BOB, Wei.ZERO, 20, Nonce.of(1)), INVALID_FIELD);
        chain.refused(new SessionOpen(ALICE, BOB, Wei.of(10), 0, Nonce.of(1)), INVALID_FIELD);
        chain.refused(new SessionOpen(ALICE, BOB, Wei.of(1_001), 20, Nonce.of(1)), INSUFFICIENT_BALANCE);
        chain.refused(new SessionOpen(ALICE, BOB, Wei.of(10), 20, Nonce.ZERO), NONCE_MISMATCH);
        chain.refused(new SessionClose(ALICE, BOB, Nonce.of(1)), SESSION_NOT_FOUND);
        chain.ok(new SessionOpen(ALICE, BOB, Wei.of(500), 20, Nonce.of(1)));
        chain.refused(new SessionOpen(ALICE, BOB, Wei.of(10), 30, Nonce.of(2)), SESSION_EXISTS);
        chain.block = 21;
        chain.refused(new Invoke(ALICE, BOB, TRANSLATE, Wei.of(100), REQUEST, true, Nonce.of(2)), SESSION_EXPIRED);
        chain.ok(new SessionClose(ALICE, BOB, Nonce.of(2))); // closing an expired session returns its budget
        assertEquals(Wei.of(1_000), chain.balance(ALICE));
    }

    // DEPOSIT and WITHDRAW

    @Test
    void depositCreditsWithoutANonceAndWithdrawDebits() {
        Receipt deposited = chain.ok(new Deposit(ALICE, Wei.of(70), 3));
        assertEquals(Wei.of(70), deposited.amount());
        assertEquals(Wei.of(1_070), chain.balance(ALICE));
        assertEquals(Nonce.of(1), chain.nonce(ALICE), "a deposit is not the agent's interaction");
        chain.ok(new Withdraw(ALICE, STRANGER, Wei.of(1_070), Nonce.of(1)));
        assertEquals(Wei.ZERO, chain.balance(ALICE));
        assertEquals(Nonce.of(2), chain.nonce(ALICE));
    }

    @Test
    void withdrawRefusals() {
        chain.refused(new Withdraw(ALICE, ALICE, Wei.of(1_001), Nonce.of(1)), INSUFFICIENT_BALANCE);
        chain.refused(new Withdraw(ALICE, ALICE, Wei.of(1), Nonce.of(2)), NONCE_MISMATCH);
        chain.refused(new Withdraw(STRANGER, ALICE, Wei.ZERO, Nonce.ZERO), UNKNOWN_AGENT);
    }

    // Signatures

    @Test
    void theSignedPathChecksTheSignatureAndAcceptsOnlyBridgedDeposits() throws Exception {
        var alice = io.agnt2.protocol.interaction.Fixtures.ALICE;
        var bob = io.agnt2.protocol.interaction.Fixtures.BOB;
        var domain = io.agnt2.protocol.interaction.Fixtures.DOMAIN;
        Register register = new Register(alice.address(), "acme", "", Nonce.ZERO);
        Receipt receipt = StateTransition.apply(chain.state, SignedInteraction.sign(register, alice, domain),
                chain.context());
        assertEquals(Bytes32.of(SignedInteraction.digest(register, domain)), receipt.interactionHash());

        Transfer transfer = new Transfer(alice.address(), BOB, Wei.of(1), Nonce.of(1));
        var forged = new SignedInteraction(transfer, bob.sign(SignedInteraction.digest(transfer, domain)));
        var before = chain.state.records();
        TransitionRejection rejection = assertThrows(TransitionRejection.class,
                () -> StateTransition.apply(chain.state, forged, chain.context()));
        assertEquals(BAD_SIGNATURE, rejection.reason());
        assertEquals(before, chain.state.records());

        StateTransition.apply(chain.state, SignedInteraction.bridged(new Deposit(alice.address(), Wei.of(9), 0)),
                chain.context());
        assertEquals(Wei.of(1_009), chain.balance(alice.address()));
    }

    private Compose compose(List<InvocationId> inputs, long nonce) {
        return new Compose(ALICE, CAROL, SUMMARISE, Wei.of(40), inputs, Nonce.of(nonce));
    }

    /** Opens {@code invoke} and has its callee answer it with nonce {@code calleeNonce}. */
    private InvocationId answered(Invoke invoke, AgentAddress callee, long calleeNonce) {
        chain.ok(invoke);
        chain.ok(new Respond(callee, invoke.caller(), idOf(invoke), RESULT, Nonce.of(calleeNonce)));
        return idOf(invoke);
    }
}
