package io.agnt2.protocol.crypto;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.*;

class SignatureTest {

    private static final String R = "1".repeat(64);
    private static final String S = "2".repeat(64);

    @Test
    void acceptsVAs27Or28AndAs0Or1() {
        assertEquals(27, Signature.fromHex("0x" + R + S + "1b").v());
        assertEquals(28, Signature.fromHex("0x" + R + S + "1c").v());
        assertEquals(27, Signature.fromHex("0x" + R + S + "00").v());
        assertEquals(Signature.fromHex("0x" + R + S + "01"), Signature.fromHex("0x" + R + S + "1c"));
    }

    @Test
    void hexRoundTripsWithVAs27Or28() {
        Signature signature = Signature.fromHex("0x" + R + S + "01");
        assertEquals("0x" + R + S + "1c", signature.toHex());
        assertEquals(65, signature.toBytes().length);
        assertEquals(new BigInteger(R, 16), signature.r());
        assertEquals(1, signature.recoveryId());
    }

    @Test
    void rejectsBadLengthHexAndV() {
        assertTrue(message(() -> Signature.fromHex("0x" + R + S)).contains("65 bytes"));
        assertTrue(message(() -> Signature.fromHex("0x" + R + S + "1b00")).contains("65 bytes"));
        assertTrue(message(() -> Signature.fromHex("0x" + R + S + "1g")).contains("hex digit"));
        assertTrue(message(() -> Signature.fromHex("0x" + R + S + "1d")).contains("v must be 27 or 28"));
        assertTrue(message(() -> Signature.fromBytes(new byte[64])).contains("65 bytes"));
    }

    @Test
    void rejectsZeroOutOfRangeAndHighS() {
        String zero = "0".repeat(64);
        String n = Signature.CURVE_ORDER.toString(16);
        String highS = Signature.HALF_CURVE_ORDER.add(BigInteger.ONE).toString(16);
        assertTrue(message(() -> Signature.fromHex("0x" + zero + S + "1b")).contains("r is out of range"));
        assertTrue(message(() -> Signature.fromHex("0x" + R + n + "1b")).contains("s is out of range"));
        assertTrue(message(() -> Signature.fromHex("0x" + R + highS + "1b")).contains("high-s"));
        String halfN = Signature.HALF_CURVE_ORDER.toString(16);
        assertDoesNotThrow(() -> Signature.fromHex("0x" + R + halfN + "1b"));
    }

    @Test
    void rangeEdgesOfRAndS() {
        String nMinusOne = Signature.CURVE_ORDER.subtract(BigInteger.ONE).toString(16);
        String n = Signature.CURVE_ORDER.toString(16);
        String one = "0".repeat(63) + "1";
        String max = "f".repeat(64);
        assertDoesNotThrow(() -> Signature.fromHex("0x" + nMinusOne + one + "1b"));
        assertTrue(message(() -> Signature.fromHex("0x" + n + S + "1b")).contains("r is out of range"));
        assertTrue(message(() -> Signature.fromHex("0x" + max + S + "1b")).contains("r is out of range"));
        assertTrue(message(() -> Signature.fromHex("0x" + R + "0".repeat(64) + "1b")).contains("s is out of range"));
        assertTrue(message(() -> Signature.fromHex("0x" + R + max + "1b")).contains("s is out of range"));
        assertEquals(BigInteger.ONE, Signature.fromHex("0x" + one + one + "1c").r());
    }

    private static String message(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }
}
