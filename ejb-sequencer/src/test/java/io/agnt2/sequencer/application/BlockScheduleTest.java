package io.agnt2.sequencer.application;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** A block closes when its interval is over or when a block's worth waits, whichever comes first. */
class BlockScheduleTest {

    private static final long MS = 1_000_000;

    private final BlockSchedule schedule = new BlockSchedule(250 * MS, 1_000, 5 * MS, 0);

    @Test
    void closesWhenTheIntervalIsOver() {
        assertFalse(schedule.isDue(249 * MS, 10));
        assertTrue(schedule.isDue(250 * MS, 10));
        assertTrue(schedule.isDue(250 * MS, 0), "an empty block is the sequencer's to skip, not the clock's");
    }

    @Test
    void closesEarlyWhenABlocksWorthWaits() {
        assertTrue(schedule.isDue(3 * MS, 1_000));
        schedule.closed(3 * MS);
        assertFalse(schedule.isDue(4 * MS, 999));
        assertFalse(schedule.isDue(252 * MS, 10), "the interval counts from the early close");
        assertTrue(schedule.isDue(253 * MS, 10));
    }

    @Test
    void sleepsUntilTheIntervalButLooksAtTheSizeMeanwhile() {
        assertEquals(5 * MS, schedule.nanosUntilNextLook(0));
        assertEquals(2 * MS, schedule.nanosUntilNextLook(248 * MS));
        assertEquals(0, schedule.nanosUntilNextLook(260 * MS), "late: look again at once");
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new BlockSchedule(0, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new BlockSchedule(1, 0, 1, 0));
    }
}
