package io.agnt2.protocol.interaction;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.eip712.Eip712Message;
import io.agnt2.protocol.value.Nonce;

/**
 * A typed change to the rollup state (decision 0005). Every kind reduces to an {@link Eip712Message} of
 * its {@link Kind#eip712Type()}, from which the struct hash, the wallet JSON and the wire form all follow.
 */
public sealed interface Interaction
        permits Register, Transfer, Capability, Invoke, Respond, Compose, Rate, SessionOpen, SessionClose,
        Deposit, Withdraw, BridgedInteraction {

    Kind kind();

    /**
     * The agent whose key must sign it, and whose nonce it consumes. A DEPOSIT has no signer (see
     * {@link Kind#isAgentSigned()}): for it this is the agent it credits; for a channel's L1 event, the
     * adjudicator whose record is the bridge's cursor ({@link BridgedInteraction}).
     */
    AgentAddress signer();

    /** The signer's nonce; for a DEPOSIT, the L1 deposit index; for a channel's L1 event, its L1 position. */
    Nonce nonce();

    /** The field values in the order of {@code kind().eip712Type()}. */
    Eip712Message message();

    /** EIP-712 hashStruct of this interaction under {@code kind().eip712Type()}. */
    default byte[] structHash() {
        return message().hashStruct();
    }
}
