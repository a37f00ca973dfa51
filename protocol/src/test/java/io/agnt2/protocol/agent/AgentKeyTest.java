package io.agnt2.protocol.agent;

import io.agnt2.protocol.crypto.Secp256k1;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class AgentKeyTest {

    @Test
    void privateKeyHexRoundTrips() {
        AgentKey key = AgentKey.generate();
        AgentKey again = AgentKey.fromHex(key.privateKeyHex());
        assertEquals(key.address(), again.address());
        assertEquals(66, key.privateKeyHex().length());
    }

    @Test
    void generatedKeysDiffer() {
        assertNotEquals(AgentKey.generate().address(), AgentKey.generate().address());
    }

    @Test
    void signatureRecoversToTheAddress() {
        AgentKey key = AgentKey.generate();
        byte[] digest = new byte[32];
        digest[5] = 9;
        assertEquals(key.address(), AgentAddress.of(Secp256k1.get().recover(digest, key.sign(digest))));
    }

    @Test
    void toStringDoesNotLeakTheKey() {
        AgentKey key = AgentKey.generate();
        assertFalse(key.toString().contains(key.privateKeyHex().substring(2)));
        assertTrue(key.toString().contains(key.address().toString()));
    }
}
