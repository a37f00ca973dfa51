package io.agnt2.protocol;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class HexTest {

    @Test
    void roundTripsWithAndWithoutPrefixInAnyCase() {
        byte[] bytes = {0, 1, (byte) 0xab, (byte) 0xff};
        assertEquals("0x0001abff", Hex.encode(bytes));
        assertArrayEquals(bytes, Hex.decode("0x0001ABFF"));
        assertArrayEquals(bytes, Hex.decode("0001abff"));
        assertArrayEquals(new byte[0], Hex.decode("0x"));
    }

    @Test
    void rejectsOddLengthAndNonHexWithClearMessages() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Hex.decode("0xabc")).getMessage().contains("odd"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Hex.decode("0xzz")).getMessage().contains("'z'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Hex.decode("0xab", 2, "thing"))
                .getMessage().startsWith("thing must be 2 bytes"));
    }
}
