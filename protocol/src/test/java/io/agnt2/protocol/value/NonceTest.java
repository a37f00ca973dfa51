package io.agnt2.protocol.value;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class NonceTest {

    @Test
    void countsUpAndRefusesNegativesAndOverflow() {
        assertEquals(Nonce.of(1), Nonce.ZERO.next());
        assertThrows(IllegalArgumentException.class, () -> Nonce.of(-1));
        assertThrows(ArithmeticException.class, () -> Nonce.of(Long.MAX_VALUE).next());
        assertEquals("3", Nonce.of(3).toString());
    }
}
