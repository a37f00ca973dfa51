package io.agnt2.sequencer.domain;

import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.eip712.Eip712Domain;
import io.agnt2.protocol.execution.BlockContext;
import io.agnt2.protocol.execution.InMemoryState;
import io.agnt2.protocol.execution.StateTransition;
import io.agnt2.protocol.execution.TransitionParameters;
import io.agnt2.protocol.execution.TransitionRejection;
import io.agnt2.protocol.interaction.Register;
import io.agnt2.protocol.interaction.Transfer;
import io.agnt2.protocol.state.AgentRecord;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HeadStateTest {

    private final BlockContext block = new BlockContext(1, TransitionParameters.of(
            new Eip712Domain(Eip712Domain.NAME, Eip712Domain.VERSION, 86020, AgentKey.generate().address()))
            .withRegistrationGrant(Wei.of(1_000)));
    private final AgentKey alice = AgentKey.generate();
    private final AgentKey bob = AgentKey.generate();

    @Test
    void acceptedInteractionsStayInTheHeadUntilABlockStoresThem() throws TransitionRejection {
        InMemoryState stored = new InMemoryState();
        StateTransition.apply(stored, new Register(alice.address(), "acme", "", new Nonce(0)), block);
        StateTransition.apply(stored, new Register(bob.address(), "globex", "", new Nonce(0)), block);
        Map<?, AgentRecord> before = stored.records();

        HeadState head = new HeadState(stored);
        StateTransition.apply(head, new Transfer(alice.address(), bob.address(), Wei.of(300), new Nonce(1)), block);
        StateTransition.apply(head, new Transfer(alice.address(), bob.address(), Wei.of(200), new Nonce(2)), block);

        assertEquals(Wei.of(500), head.find(alice.address()).orElseThrow().balance());
        assertEquals(Wei.of(1_500), head.find(bob.address()).orElseThrow().balance());
        assertEquals(before, stored.records(), "the stored state is untouched");
        // the head checks the next interaction against accepted ones: nonce 2 is used, 500 is all there is
        assertThrows(TransitionRejection.class, () -> StateTransition.apply(head,
                new Transfer(alice.address(), bob.address(), Wei.of(1), new Nonce(2)), block));
        assertThrows(TransitionRejection.class, () -> StateTransition.apply(head,
                new Transfer(alice.address(), bob.address(), Wei.of(501), new Nonce(3)), block));
    }

    @Test
    void rejectionsKeepTheirStableCodes() {
        Rejection rejection = Rejection.of(new TransitionRejection(TransitionRejection.Reason.NONCE_MISMATCH, "nonce 5"));
        assertEquals("nonce-mismatch", rejection.code());
        assertEquals(Rejection.Category.CONFLICT, rejection.category());
        assertEquals(Rejection.Category.INVALID, Rejection.of(
                new TransitionRejection(TransitionRejection.Reason.INVALID_FIELD, "x")).category());
    }
}
