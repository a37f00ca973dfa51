package io.agnt2.protocol.execution;

import io.agnt2.protocol.execution.TransitionRejection.Reason;
import io.agnt2.protocol.interaction.Capability;
import io.agnt2.protocol.interaction.Register;
import io.agnt2.protocol.state.AgentRecord;
import io.agnt2.protocol.value.Wei;

/** REGISTER and CAPABILITY: who an agent is and what it offers. */
final class IdentityRules {

    private IdentityRules() {
    }

    /** Keeps whatever value reached the address before it registered, and adds the registration grant. */
    static Effect register(StateView state, Register register, BlockContext block) {
        Wei grant = block.parameters().registrationGrant();
        AgentRecord before = state.find(register.agent()).orElse(AgentRecord.empty(register.agent()));
        state.put(before.withIdentity(register.organization(), register.metadataUri())
                .withBalance(before.balance().plus(grant)));
        return Effect.moved(grant);
    }

    static Effect capability(StateView state, Capability capability) throws TransitionRejection {
        AgentRecord agent = Checks.registered(state, capability.agent());
        if (capability.offered()) {
            state.put(agent.withCapability(capability.capability(), capability.price()));
        } else {
            Checks.require(agent.capabilities().containsKey(capability.capability()), Reason.UNKNOWN_CAPABILITY,
                    () -> agent.address() + " does not offer " + capability.capability());
            Checks.require(capability.price().isZero(), Reason.INVALID_FIELD, () -> "a withdrawn capability carries price 0");
            state.put(agent.withoutCapability(capability.capability()));
        }
        return Effect.NONE;
    }
}
