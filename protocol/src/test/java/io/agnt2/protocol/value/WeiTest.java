package io.agnt2.protocol.value;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.*;

class WeiTest {

    @Test
    void parsesDecimalAndPrintsDecimal() {
        assertEquals("1000000000000000000", Wei.of("1000000000000000000").toString());
        assertEquals(Wei.of(5), Wei.of("5"));
        assertEquals(Wei.ZERO, Wei.of("0"));
        assertEquals(Wei.MAX, Wei.of(Wei.MAX.toString()).toBigInteger());
    }

    @Test
    void rejectsNonDigitsNegativesAndOverflow() {
        for (String bad : new String[] {"", "-1", "+1", "1e3", " 1", "1.0", "0x10", "abc"}) {
            assertThrows(IllegalArgumentException.class, () -> Wei.of(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> Wei.of(-1));
        assertThrows(IllegalArgumentException.class, () -> Wei.of(Wei.MAX.add(BigInteger.ONE)));
        assertThrows(IllegalArgumentException.class, () -> Wei.of(Wei.MAX.add(BigInteger.ONE).toString()));
        assertThrows(IllegalArgumentException.class, () -> Wei.of("9".repeat(1000)));
    }

    @Test
    void arithmeticStaysInUint256() {
        assertEquals(Wei.of(7), Wei.of(3).plus(Wei.of(4)));
        assertEquals(Wei.of(1), Wei.of(4).minus(Wei.of(3)));
        assertEquals(Wei.ZERO, Wei.of(4).minus(Wei.of(4)));
        assertThrows(ArithmeticException.class, () -> Wei.of(3).minus(Wei.of(4)));
        assertThrows(ArithmeticException.class, () -> Wei.of(Wei.MAX).plus(Wei.of(1)));
        assertTrue(Wei.of(3).compareTo(Wei.of(4)) < 0);
    }

    @Test
    void encodesAs32BytesBigEndian() {
        byte[] word = Wei.of(258).toBytes32();
        assertEquals(32, word.length);
        assertEquals(1, word[30]);
        assertEquals(2, word[31]);
        assertEquals(32, Wei.of(Wei.MAX).toBytes32().length);
    }
}
