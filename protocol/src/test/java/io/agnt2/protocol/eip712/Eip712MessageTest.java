package io.agnt2.protocol.eip712;

import io.agnt2.protocol.value.Bytes32;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The value checks of {@link SolidityType}: a bad value is refused with the field's name, a good one is taken. */
class Eip712MessageTest {

    private static final Eip712Type TYPE = Eip712Type.of("Probe", new Eip712Field("count", "uint64"),
            new Eip712Field("score", "uint8"), new Eip712Field("refs", "bytes32[]"), new Eip712Field("note", "string"));
    private static final Bytes32 REF = Bytes32.of(new byte[32]);

    @Test
    void takesValuesInRange() {
        Eip712Message message = Eip712Message.of(TYPE, 0L, 255, List.of(REF), "x");
        assertEquals(List.of(0L, 255, List.of(REF), "x"), message.values());
        assertDoesNotThrow(() -> Eip712Message.of(TYPE, Long.MAX_VALUE, 0, List.of(), ""));
    }

    @Test
    void refusesEachBadValueNamingItsField() {
        assertRefused("Probe.count", -1L, 1, List.of(), "");
        assertRefused("Probe.score", 1L, 256, List.of(), "");
        assertRefused("Probe.score", 1L, -1, List.of(), "");
        assertRefused("Probe.refs", 1L, 1, List.of(REF, "not bytes32"), "");
        assertRefused("Probe.refs", 1L, 1, Arrays.asList(REF, null), "");
        assertRefused("Probe.count", 1, 1, List.of(), "");      // an int is not a uint64's long
        assertRefused("Probe.note", 1L, 1, List.of(), null);
    }

    private static void assertRefused(String field, Object... values) {
        String message = assertThrows(IllegalArgumentException.class, () -> Eip712Message.of(TYPE, values)).getMessage();
        assertTrue(message.startsWith(field + " "), message);
    }
}
