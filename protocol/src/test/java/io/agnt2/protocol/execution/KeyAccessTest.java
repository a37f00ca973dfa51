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
import io.agnt2.protocol.interaction.Transfer;
import io.agnt2.protocol.interaction.Withdraw;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.agnt2.protocol.execution.Chain.agent;
import static org.junit.jupiter.api.Assertions.*;

/** The declared keys of decision 0005's table, and what happens when a declaration is wrong. */
class KeyAccessTest {

    private static final AgentAddress A = agent(1);
    private static final AgentAddress B = agent(2);
    private static final CapabilityId CAP = CapabilityId.named("translate");
    private static final InvocationId ID = new InvocationId(Bytes32.ZERO);
    private static final Set<AgentAddress> NONE = Set.of();

    @Test
    void keysFollowTheTable() {
        assertAccess(new Register(A, "o", "", Nonce.ZERO), NONE, Set.of(A), NONE);
        assertAccess(new Capability(A, CAP, Wei.ZERO, true, Nonce.ZERO), NONE, Set.of(A), NONE);
        assertAccess(new Transfer(A, B, Wei.ZERO, Nonce.ZERO), NONE, Set.of(A), Set.of(B));
        assertAccess(new Invoke(A, B, CAP, Wei.ZERO, Bytes32.ZERO, true, Nonce.ZERO), Set.of(B), Set.of(A), NONE);
        assertAccess(new Respond(B, A, ID, Bytes32.ZERO, Nonce.ZERO), NONE, Set.of(A, B), Set.of(B));
        assertAccess(new Compose(A, B, CAP, Wei.ZERO, List.of(ID), Nonce.ZERO), Set.of(B), Set.of(A), NONE);
        assertAccess(new Rate(A, B, ID, 3, Nonce.ZERO), NONE, Set.of(A), Set.of(B));
        assertAccess(new SessionOpen(A, B, Wei.of(1), 1, Nonce.ZERO), Set.of(B), Set.of(A), NONE);
        assertAccess(new SessionClose(A, B, Nonce.ZERO), NONE, Set.of(A), NONE);
        assertAccess(new Deposit(A, Wei.ZERO, 0), NONE, NONE, Set.of(A));
        assertAccess(new Withdraw(A, B, Wei.ZERO, Nonce.ZERO), NONE, Set.of(A), NONE);
    }

    @Test
    void invokesOfOneServiceByManyCallersDoNotConflict() {
        KeyAccess first = KeyAccess.of(new Invoke(agent(1), B, CAP, Wei.ZERO, Bytes32.ZERO, false, Nonce.ZERO));
        KeyAccess second = KeyAccess.of(new Invoke(agent(3), B, CAP, Wei.ZERO, Bytes32.ZERO, false, Nonce.ZERO));
        assertFalse(first.conflictsWith(second));
        KeyAccess payA = KeyAccess.of(new Transfer(agent(4), A, Wei.ZERO, Nonce.ZERO));
        KeyAccess payAAgain = KeyAccess.of(new Transfer(agent(5), A, Wei.ZERO, Nonce.ZERO));
        assertFalse(payA.conflictsWith(payAAgain), "credits to one receiver commute");
        KeyAccess aSpends = KeyAccess.of(new Transfer(A, agent(6), Wei.ZERO, Nonce.ZERO));
        assertTrue(payA.conflictsWith(aSpends), "a credit and a write of one record do not");
    }

    @Test
    void aRuleReachingAnUndeclaredKeyFailsTheInteractionInsteadOfRunningWider() throws Exception {
        Chain chain = new Chain();
        chain.ok(new Register(A, "acme", "", Nonce.ZERO));
        chain.ok(new Register(B, "globex", "", Nonce.ZERO));
        var before = chain.state.records();
        Transfer transfer = new Transfer(A, B, Wei.of(10), Nonce.of(1));

        // The receiver left out: the debit of A already happened inside the rule, and is dropped with the rest.
        assertUndeclared(chain, transfer, new KeyAccess(NONE, Set.of(A), NONE));
        // The receiver declared as a write instead of a delta is fine (a write covers a delta) ...
        // ... but a sender declared only for deltas may not be read, let alone replaced.
        assertUndeclared(chain, transfer, new KeyAccess(NONE, NONE, Set.of(A, B)));
        // A read-only declaration of the signer cannot consume its nonce.
        assertUndeclared(chain, transfer, new KeyAccess(Set.of(A), NONE, Set.of(B)));
        // An invoke that may not read its callee cannot look up the price.
        chain.ok(new Capability(B, CAP, Wei.of(1), true, Nonce.of(1)));
        before = chain.state.records();
        Invoke invoke = new Invoke(A, B, CAP, Wei.of(1), Bytes32.ZERO, false, Nonce.of(1));
        assertUndeclared(chain, invoke, new KeyAccess(NONE, Set.of(A), NONE));
        assertEquals(before, chain.state.records());

        // With the derived declaration both run.
        chain.ok(transfer);
        chain.ok(new Invoke(A, B, CAP, Wei.of(1), Bytes32.ZERO, false, Nonce.of(2)));
    }

    @Test
    void theEnforcingViewRefusesEachUndeclaredAccess() {
        InMemoryState state = new InMemoryState();
        EnforcingStateView view = new EnforcingStateView(state, new KeyAccess(Set.of(A), NONE, Set.of(B)));
        view.find(A);
        assertThrows(UndeclaredKeyAccess.class, () -> view.find(B));
        assertThrows(UndeclaredKeyAccess.class, () -> view.put(io.agnt2.protocol.state.AgentRecord.empty(A)));
        String message = assertThrows(UndeclaredKeyAccess.class,
                () -> view.put(io.agnt2.protocol.state.AgentRecord.empty(B))).getMessage();
        assertTrue(message.contains("deltas only"), message);
        view.apply(new Delta.Credit(B, Wei.of(1)));
        assertThrows(UndeclaredKeyAccess.class, () -> view.apply(new Delta.Credit(A, Wei.of(1))));
        assertEquals(Wei.of(1), state.find(B).orElseThrow().balance());
    }

    private static void assertUndeclared(Chain chain, io.agnt2.protocol.interaction.Interaction interaction,
                                         KeyAccess wrong) {
        var before = chain.state.records();
        TransitionRejection rejection = assertThrows(TransitionRejection.class,
                () -> StateTransition.apply(chain.state, interaction, wrong, chain.context()));
        assertEquals(TransitionRejection.Reason.UNDECLARED_KEY_ACCESS, rejection.reason(), rejection.getMessage());
        assertEquals(before, chain.state.records());
    }

    private static void assertAccess(io.agnt2.protocol.interaction.Interaction interaction, Set<AgentAddress> reads,
                                     Set<AgentAddress> writes, Set<AgentAddress> deltas) {
        assertEquals(new KeyAccess(reads, writes, deltas), KeyAccess.of(interaction), interaction.kind().name());
    }
}
