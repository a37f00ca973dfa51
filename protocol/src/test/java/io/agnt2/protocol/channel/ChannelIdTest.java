package io.agnt2.protocol.channel;

import io.agnt2.protocol.Hex;
import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.value.Bytes32;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

import java.util.Set;

import static io.agnt2.protocol.channel.ChannelFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

class ChannelIdTest {

    @Test
    void isKeccakOfTheAbiEncodedWords() {
        // abi.encode(uint256 chainId, address adjudicator, address a, address b, bytes32 salt), spelled out
        String encoded = "0x" + "%064x".formatted(CHAIN_ID)
                + "0".repeat(24) + Hex.stripPrefix(Hex.encode(ADJUDICATOR.bytes()))
                + "0".repeat(24) + Hex.stripPrefix(Hex.encode(A.address().bytes()))
                + "0".repeat(24) + Hex.stripPrefix(Hex.encode(B.address().bytes()))
                + Hex.stripPrefix(SALT.toString());
        assertEquals(Hash.sha3(encoded), CHANNEL.toString());
    }

    @Test
    void everyInputMakesADifferentId() {
        AgentAddress other = AgentAddress.of("0x" + "42".repeat(20));
        Set<ChannelId> ids = Set.of(
                CHANNEL,
                ChannelId.derive(1, ADJUDICATOR, A.address(), B.address(), SALT),
                ChannelId.derive(CHAIN_ID, other, A.address(), B.address(), SALT),
                ChannelId.derive(CHAIN_ID, ADJUDICATOR, B.address(), A.address(), SALT),
                ChannelId.derive(CHAIN_ID, ADJUDICATOR, A.address(), other, SALT),
                ChannelId.derive(CHAIN_ID, ADJUDICATOR, A.address(), B.address(), Bytes32.ZERO));
        assertEquals(6, ids.size());
        assertEquals(CHANNEL, ChannelId.derive(CHAIN_ID, ADJUDICATOR, A.address(), B.address(), SALT), "deterministic");
        assertEquals(CHANNEL, ChannelId.fromHex(CHANNEL.toString()));
    }

    @Test
    void refusesAChannelWithItself() {
        assertThrows(IllegalArgumentException.class,
                () -> ChannelId.derive(CHAIN_ID, ADJUDICATOR, A.address(), A.address(), SALT));
        assertThrows(IllegalArgumentException.class,
                () -> ChannelId.derive(0, ADJUDICATOR, A.address(), B.address(), SALT));
    }
}
