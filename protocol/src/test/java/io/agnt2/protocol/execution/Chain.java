package io.agnt2.protocol.execution;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.interaction.Interaction;
import io.agnt2.protocol.interaction.InvocationId;
import io.agnt2.protocol.interaction.Fixtures;
import io.agnt2.protocol.state.AgentRecord;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** A small chain for scenario tests: a state, a current block, and asserts that read as the story. */
final class Chain {

    static final TransitionParameters PARAMETERS = new TransitionParameters(Fixtures.DOMAIN, Wei.of(1_000), 10);

    final InMemoryState state = new InMemoryState();
    long block = 1;

    static AgentAddress agent(int n) {
        return AgentAddress.of(String.format("0x%040x", 0xA000 + n));
    }

    BlockContext context() {
        return new BlockContext(block, PARAMETERS);
    }

    Receipt ok(Interaction interaction) {
        try {
            Receipt receipt = StateTransition.apply(state, interaction, context());
            assertTrue(receipt.succeeded());
            return receipt;
        } catch (TransitionRejection rejection) {
            return fail(interaction.kind() + " refused: " + rejection.reason() + " " + rejection.getMessage());
        }
    }

    /** Refused with {@code reason}, and the state is exactly what it was. */
    TransitionRejection refused(Interaction interaction, TransitionRejection.Reason reason) {
        Map<AgentAddress, AgentRecord> before = state.records();
        TransitionRejection rejection = assertThrows(TransitionRejection.class,
                () -> StateTransition.apply(state, interaction, context()), interaction.toString());
        assertEquals(reason, rejection.reason(), rejection.getMessage());
        assertEquals(before, state.records(), "a refused " + interaction.kind() + " changed the state");
        Receipt failed = StateTransition.execute(state, interaction, context());
        assertEquals(reason.code(), failed.status());
        assertEquals(before, state.records());
        return rejection;
    }

    AgentRecord record(AgentAddress agent) {
        return state.find(agent).orElseThrow();
    }

    Wei balance(AgentAddress agent) {
        return state.find(agent).map(AgentRecord::balance).orElse(Wei.ZERO);
    }

    Nonce nonce(AgentAddress agent) {
        return state.find(agent).map(AgentRecord::nonce).orElse(Nonce.ZERO);
    }

    static InvocationId idOf(Interaction opening) {
        return InvocationId.of(opening, PARAMETERS.domain());
    }
}
