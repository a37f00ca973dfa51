package io.agnt2.protocol.execution;

import io.agnt2.protocol.execution.TransitionRejection.Reason;
import io.agnt2.protocol.interaction.Interaction;
import io.agnt2.protocol.interaction.Kind;
import io.agnt2.protocol.state.AgentRecord;

/**
 * What every agent-signed kind shares, kept out of the kinds' rules: the signer must be registered (or,
 * for REGISTER, not yet), its nonce must be the next one, and success consumes that nonce. A DEPOSIT
 * has no signer and skips both.
 */
final class SignerRules {

    private SignerRules() {
    }

    static void check(StateView state, Interaction interaction) throws TransitionRejection {
        if (!interaction.kind().isAgentSigned()) {
            return;
        }
        AgentRecord signer = state.find(interaction.signer()).orElseGet(() -> AgentRecord.empty(interaction.signer()));
        if (interaction.kind() == Kind.REGISTER) {
            Checks.require(!signer.isRegistered(), Reason.ALREADY_REGISTERED, () -> signer.address() + " is already registered");
        } else {
            Checks.require(signer.isRegistered(), Reason.UNKNOWN_AGENT, () -> signer.address() + " is not registered");
        }
        Checks.require(interaction.nonce().equals(signer.nonce()), Reason.NONCE_MISMATCH,
                () -> "nonce " + interaction.nonce() + " given for " + signer.address() + ", expected " + signer.nonce());
    }

    /** After the kind's rule: the signer's record as the rule left it, with the next nonce. */
    static void consumeNonce(StateView state, Interaction interaction) {
        if (!interaction.kind().isAgentSigned()) {
            return;
        }
        AgentRecord signer = state.find(interaction.signer()).orElseThrow();
        state.put(signer.withNonce(signer.nonce().next()));
    }
}
