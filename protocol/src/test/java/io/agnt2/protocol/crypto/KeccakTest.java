package io.agnt2.protocol.crypto;

import io.agnt2.protocol.Hex;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

class KeccakTest {

    @Test
    void knownVectors() {
        assertEquals("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470", keccakHex(""));
        assertEquals("0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45", keccakHex("abc"));
        // The ERC-20 Transfer event topic.
        assertEquals("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef",
                keccakHex("Transfer(address,address,uint256)"));
    }

    @Test
    void partsAreConcatenated() {
        byte[] whole = Keccak.keccak256("hello world".getBytes(StandardCharsets.UTF_8));
        byte[] parts = Keccak.keccak256("hello".getBytes(StandardCharsets.UTF_8), " world".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(whole, parts);
        assertArrayEquals(Hash.sha3("hello world".getBytes(StandardCharsets.UTF_8)), whole);
    }

    private static String keccakHex(String text) {
        return Hex.encode(Keccak.keccak256(text.getBytes(StandardCharsets.UTF_8)));
    }
}
