package io.agnt2.sequencer.core;

import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.crypto.Keccak;
import io.agnt2.protocol.eip712.Eip712Domain;
import io.agnt2.protocol.execution.TransitionParameters;
import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.Hex;
import io.agnt2.protocol.value.Wei;

import java.nio.charset.StandardCharsets;

/** Chain constants and deterministic keys shared by the core's tests, child processes and benchmark. */
final class CoreFixtures {

    static final Eip712Domain DOMAIN = Eip712Domain.agnt2(86020,
            AgentAddress.of("0x00000000000000000000000000000000000a6e72"));
    /** A development faucet, so that registered agents have value to move. */
    static final TransitionParameters PARAMETERS = TransitionParameters.of(DOMAIN).withRegistrationGrant(Wei.of(10_000));

    private CoreFixtures() {
    }

    /** The same key for the same index in every JVM (a keccak of the index is a valid secp256k1 key). */
    static AgentKey key(String namespace, int index) {
        byte[] secret = Keccak.keccak256((namespace + "/" + index).getBytes(StandardCharsets.UTF_8));
        return AgentKey.fromHex(Hex.encode(secret));
    }

    static AgentKey[] keys(String namespace, int count) {
        AgentKey[] keys = new AgentKey[count];
        for (int i = 0; i < count; i++) {
            keys[i] = key(namespace, i);
        }
        return keys;
    }
}
