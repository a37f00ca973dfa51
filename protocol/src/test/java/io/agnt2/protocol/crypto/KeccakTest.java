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

    @Test
    void equalsBouncyCastleOnEveryLengthAroundTheBlockBoundariesAndAnySplit() {
        java.util.Random random = new java.util.Random(7);
        for (int length = 0; length <= 3 * 136 + 2; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            org.bouncycastle.crypto.digests.KeccakDigest reference = new org.bouncycastle.crypto.digests.KeccakDigest(256);
            reference.update(data, 0, length);
            byte[] expected = new byte[32];
            reference.doFinal(expected, 0);
            assertArrayEquals(expected, Keccak.keccak256(data), "length " + length);
            int cut1 = length == 0 ? 0 : random.nextInt(length + 1);
            int cut2 = cut1 + (length == cut1 ? 0 : random.nextInt(length - cut1 + 1));
            assertArrayEquals(expected, Keccak.keccak256(java.util.Arrays.copyOfRange(data, 0, cut1),
                    java.util.Arrays.copyOfRange(data, cut1, cut2), java.util.Arrays.copyOfRange(data, cut2, length)),
                    "length " + length + " split at " + cut1 + ", " + cut2);
        }
    }

    @Test
    void aCallThatThrewHalfWayLeavesNothingForTheNext() {
        byte[] expected = Keccak.keccak256(new byte[] {1, 2, 3});
        assertThrows(NullPointerException.class, () -> Keccak.keccak256(new byte[200], null));
        assertArrayEquals(expected, Keccak.keccak256(new byte[] {1, 2, 3}));
    }

    private static String keccakHex(String text) {
        return Hex.encode(Keccak.keccak256(text.getBytes(StandardCharsets.UTF_8)));
    }
}
