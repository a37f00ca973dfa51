package io.agnt2.sequencer.domain;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.interaction.Register;
import io.agnt2.protocol.interaction.Transfer;
import io.agnt2.protocol.state.AgentRecord;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InteractionRulesTest {

    private final InteractionRules rules = new InteractionRules(Wei.of(1_000));
    private final MapLedger ledger = new MapLedger();
    private final AgentAddress alice = AgentKey.generate().address();
    private final AgentAddress bob = AgentKey.generate().address();

    @BeforeEach
    void registerBoth() throws Rejection {
        rules.apply(ledger, new Register(alice, "acme", "https://acme.example/alice", new Nonce(0)));
        rules.apply(ledger, new Register(bob, "globex", "https://globex.example/bob", new Nonce(0)));
    }

    @Test
    void registrationGrantsAndConsumesNonceZero() {
        AgentRecord record = ledger.find(alice).orElseThrow();
        assertEquals("acme", record.organization());
        assertEquals(Wei.of(1_000), record.balance());
        assertEquals(new Nonce(1), record.nonce());
    }

    @Test
    void transferMovesValueAndBumpsOnlyTheSendersNonce() throws Rejection {
        rules.apply(ledger, new Transfer(alice, bob, Wei.of(300), new Nonce(1)));
        assertEquals(Wei.of(700), ledger.find(alice).orElseThrow().balance());
        assertEquals(new Nonce(2), ledger.find(alice).orElseThrow().nonce());
        assertEquals(Wei.of(1_300), ledger.find(bob).orElseThrow().balance());
        assertEquals(new Nonce(1), ledger.find(bob).orElseThrow().nonce());
    }

    @Test
    void refusedTransfersChangeNothing() {
        Map<AgentAddress, AgentRecord> before = Map.copyOf(ledger.records);
        assertReason(Rejection.Reason.NONCE_MISMATCH, new Transfer(alice, bob, Wei.of(1), new Nonce(0)));
        assertReason(Rejection.Reason.NONCE_MISMATCH, new Transfer(alice, bob, Wei.of(1), new Nonce(2)));
        assertReason(Rejection.Reason.INSUFFICIENT_BALANCE, new Transfer(alice, bob, Wei.of(1_001), new Nonce(1)));
        assertReason(Rejection.Reason.UNKNOWN_AGENT,
                new Transfer(alice, AgentKey.generate().address(), Wei.of(1), new Nonce(1)));
        assertReason(Rejection.Reason.INVALID_INTERACTION, new Transfer(alice, alice, Wei.of(1), new Nonce(1)));
        assertEquals(before, ledger.records);
    }

    @Test
    void registeringTwiceIsRefused() {
        Rejection rejection = assertThrows(Rejection.class,
                () -> rules.apply(ledger, new Register(alice, "globex", "", new Nonce(0))));
        assertEquals(Rejection.Reason.ALREADY_REGISTERED, rejection.reason());
        assertEquals("acme", ledger.find(alice).orElseThrow().organization());
    }

    @Test
    void headLedgerKeepsWritesOutOfTheStoredLedger() throws Rejection {
        HeadLedger head = new HeadLedger(ledger);
        rules.apply(head, new Transfer(alice, bob, Wei.of(10), new Nonce(1)));
        assertEquals(Wei.of(990), head.find(alice).orElseThrow().balance());
        assertEquals(Wei.of(1_000), ledger.find(alice).orElseThrow().balance());
    }

    private void assertReason(Rejection.Reason reason, Transfer transfer) {
        Rejection rejection = assertThrows(Rejection.class, () -> rules.apply(ledger, transfer));
        assertEquals(reason, rejection.reason());
    }

    private static final class MapLedger implements Ledger {
        final Map<AgentAddress, AgentRecord> records = new HashMap<>();

        @Override
        public Optional<AgentRecord> find(AgentAddress address) {
            return Optional.ofNullable(records.get(address));
        }

        @Override
        public void put(AgentRecord record) {
            records.put(record.address(), record);
        }
    }
}
