package io.agnt2.protocol.execution;

import java.util.function.Supplier;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.execution.TransitionRejection.Reason;
import io.agnt2.protocol.state.AgentRecord;
import io.agnt2.protocol.value.Wei;

/** The look-ups and guards the rules share; each refusal names its stable reason. */
final class Checks {

    private Checks() {
    }

    /**
     * The detail is built only on refusal: it usually names an address, and an address prints with its
     * EIP-55 checksum, a keccak, which on the success path was a fifth of the transition's time.
     */
    static void require(boolean condition, Reason reason, Supplier<String> detail) throws TransitionRejection {
        if (!condition) {
            throw new TransitionRejection(reason, detail.get());
        }
    }

    static AgentRecord registered(StateView state, AgentAddress agent) throws TransitionRejection {
        return state.find(agent).filter(AgentRecord::isRegistered)
                .orElseThrow(() -> new TransitionRejection(Reason.UNKNOWN_AGENT, agent + " is not registered"));
    }

    static void requireFunds(AgentRecord payer, Wei amount) throws TransitionRejection {
        require(payer.balance().compareTo(amount) >= 0, Reason.INSUFFICIENT_BALANCE,
                () -> payer.address() + " holds " + payer.balance() + ", less than " + amount);
    }

    static void requireDistinct(AgentAddress a, AgentAddress b, String what) throws TransitionRejection {
        require(!a.equals(b), Reason.INVALID_FIELD, () -> what + " must be two different agents, got " + a + " twice");
    }
}
