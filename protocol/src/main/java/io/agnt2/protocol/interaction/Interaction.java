package io.agnt2.protocol.interaction;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.value.Nonce;

/** A typed, signed-by-one-agent change to the rollup state. */
public sealed interface Interaction permits Transfer, Register {

    Kind kind();

    /** The agent whose key must sign it, and whose nonce it consumes. */
    AgentAddress signer();

    Nonce nonce();

    /** EIP-712 hashStruct of this interaction under {@code kind().eip712Type()}. */
    byte[] structHash();
}
