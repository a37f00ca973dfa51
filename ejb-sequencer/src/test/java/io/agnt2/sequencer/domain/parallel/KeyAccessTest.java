package io.agnt2.sequencer.domain.parallel;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.agnt2.sequencer.domain.parallel.AccessMode.DELTA;
import static io.agnt2.sequencer.domain.parallel.AccessMode.READ;
import static io.agnt2.sequencer.domain.parallel.AccessMode.WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyAccessTest {

    @Test
    void onlyReadReadAndDeltaDeltaCommute() {
        for (AccessMode a : AccessMode.values()) {
            for (AccessMode b : AccessMode.values()) {
                boolean expected = (a == READ && b == READ) || (a == DELTA && b == DELTA);
                assertEquals(expected, a.commutesWith(b), a + " vs " + b);
                assertEquals(a.commutesWith(b), b.commutesWith(a), "symmetric");
            }
        }
    }

    @Test
    void aWriteCoversReadAndDeltaOfTheSameKey() {
        KeyAccess<String> access = KeyAccess.of(Set.of("a", "b"), Set.of("a"), Set.of("a", "c"));
        assertEquals(Set.of("b"), access.reads());
        assertEquals(Set.of("a"), access.writes());
        assertEquals(Set.of("c"), access.deltas());
        assertEquals(3, access.size());
    }

    @Test
    void readPlusDeltaOfOneKeyBecomesAWrite() {
        KeyAccess<String> access = KeyAccess.of(Set.of("k"), Set.of(), Set.of("k"));
        assertEquals(WRITE, access.modeOf("k"));
        assertTrue(access.reads().isEmpty() && access.deltas().isEmpty());
    }

    @Test
    void modeOfAnUndeclaredKeyIsNull() {
        assertNull(KeyAccess.of(Set.of("r"), Set.of(), Set.of()).modeOf("x"));
    }

    @Test
    void conflictFollowsTheRuleTable() {
        KeyAccess<String> reads = KeyAccess.of(Set.of("k"), Set.of(), Set.of());
        KeyAccess<String> writes = KeyAccess.of(Set.of(), Set.of("k"), Set.of());
        KeyAccess<String> deltas = KeyAccess.of(Set.of(), Set.of(), Set.of("k"));
        KeyAccess<String> elsewhere = KeyAccess.of(Set.of("x"), Set.of("y"), Set.of("z"));
        assertFalse(reads.conflictsWith(reads));
        assertFalse(deltas.conflictsWith(deltas));
        assertTrue(reads.conflictsWith(deltas));
        assertTrue(deltas.conflictsWith(reads));
        assertTrue(writes.conflictsWith(reads));
        assertTrue(writes.conflictsWith(writes));
        assertTrue(deltas.conflictsWith(writes));
        assertFalse(elsewhere.conflictsWith(writes));
    }
}
