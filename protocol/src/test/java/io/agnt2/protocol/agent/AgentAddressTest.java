package io.agnt2.protocol.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class AgentAddressTest {

    @ParameterizedTest
    @ValueSource(strings = { // the vectors of EIP-55
            "0x52908400098527886E0F7030069857D2E4169EE7",
            "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
            "0xde709f2102306220921060314715629080e2fb77",
            "0x27b1fdb04752bbc536007a920d24acb045561c26",
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
            "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"})
    void eip55Vectors(String checksummed) {
        assertEquals(checksummed, AgentAddress.of(checksummed.toLowerCase()).toString());
        assertEquals(checksummed, AgentAddress.of(checksummed).toString());
    }

    @Test
    void acceptsAllLowerAndAllUpperWithoutChecksum() {
        AgentAddress expected = AgentAddress.of("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        assertEquals(expected, AgentAddress.of("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"));
        assertEquals(expected, AgentAddress.of("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED"));
        assertEquals(expected, AgentAddress.of("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"));
    }

    @Test
    void rejectsAWrongChecksum() {
        String wrong = "0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
        String message = assertThrows(IllegalArgumentException.class, () -> AgentAddress.of(wrong)).getMessage();
        assertTrue(message.contains("EIP-55"), message);
    }

    @Test
    void rejectsBadLengthAndCharacters() {
        assertThrows(IllegalArgumentException.class, () -> AgentAddress.of("0x1234"));
        assertThrows(IllegalArgumentException.class, () -> AgentAddress.of("0x" + "a".repeat(42)));
        assertThrows(IllegalArgumentException.class, () -> AgentAddress.of("0x" + "g".repeat(40)));
        assertThrows(IllegalArgumentException.class, () -> AgentAddress.of((String) null));
        assertThrows(IllegalArgumentException.class, () -> AgentAddress.of(new byte[19]));
    }

    @Test
    void bytesAreCopiedAndEqualityIsByValue() {
        byte[] raw = new byte[20];
        raw[19] = 7;
        AgentAddress address = AgentAddress.of(raw);
        raw[19] = 8;
        assertEquals(7, address.bytes()[19]);
        assertEquals(AgentAddress.of("0x" + "0".repeat(38) + "07"), address);
        assertEquals(address.hashCode(), AgentAddress.of("0x" + "0".repeat(38) + "07").hashCode());
    }

    @Test
    void keccakIsOfTheBytesAndCannotBeChangedThroughItsResult() {
        AgentAddress address = AgentAddress.of("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        byte[] expected = io.agnt2.protocol.crypto.Keccak.keccak256(address.bytes());
        byte[] first = address.keccak256();
        assertArrayEquals(expected, first);
        first[0] ^= 1;
        assertArrayEquals(expected, address.keccak256(), "the kept hash is not handed out");
        // hashCode is kept too, and stays the value hash on the first call and on the kept one
        int valueHash = java.util.Arrays.hashCode(address.bytes());
        assertEquals(valueHash, address.hashCode(), "computed");
        assertEquals(valueHash, address.hashCode(), "kept");
    }

    @Test
    void ordersByUnsignedBytes() {
        AgentAddress low = AgentAddress.of("0x" + "7f".repeat(20));
        AgentAddress high = AgentAddress.of("0x" + "80" + "00".repeat(19)); // negative as a signed byte
        assertEquals(List.of(low, high), Stream.of(high, low).sorted().toList());
    }
}
