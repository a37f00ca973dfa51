package io.agnt2.sequencer.infrastructure.log;

import static io.agnt2.sequencer.infrastructure.log.LogFixtures.appendAll;
import static io.agnt2.sequencer.infrastructure.log.LogFixtures.payload;
import static io.agnt2.sequencer.infrastructure.log.LogFixtures.replayAll;
import static io.agnt2.sequencer.infrastructure.log.LogFixtures.segments;
import static io.agnt2.sequencer.infrastructure.log.LogFixtures.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteractionLogTest {

    /** Small segments, so that a few hundred records roll over many times. */
    private static final LogOptions SMALL = LogOptions.defaults().withSegmentBytes(1024);

    @TempDir
    Path dir;

    @Test
    void appendedRecordsReplayInOrderWithTheirPayloads() throws IOException {
        try (InteractionLog log = InteractionLog.open(dir)) {
            assertEquals(List.of(1L, 2L, 3L), appendAll(log, 0, 3));
            long marker = log.appendBlockMarker(1, 3, new byte[32]).join();
            assertEquals(4, marker);

            List<LogRecord> records = replayAll(log);
            assertEquals(4, records.size());
            assertEquals("interaction-0", text(records.get(0)));
            assertEquals("interaction-2", text(records.get(2)));
            LogRecord.BlockMarker m = assertInstanceOf(LogRecord.BlockMarker.class, records.get(3));
            assertEquals(1, m.blockNumber());
            assertEquals(3, m.lastSequence());
            assertEquals(4, log.lastSequence());
        }
    }

    @Test
    void sequencesStayStrictlyIncreasingAcrossRollsAndReopen() throws IOException {
        try (InteractionLog log = InteractionLog.open(dir, SMALL)) {
            appendAll(log, 0, 300);
        }
        assertTrue(segments(dir).size() > 5, "segments rolled: " + segments(dir));
        try (InteractionLog log = InteractionLog.open(dir, SMALL)) {
            assertTrue(log.recoveryReport().clean());
            assertEquals(300, log.recoveryReport().lastSequence());
            assertEquals(List.of(301L, 302L), appendAll(log, 300, 2));
        }
        try (InteractionLog log = InteractionLog.open(dir, SMALL)) {
            List<LogRecord> records = replayAll(log);
            assertEquals(LongStream.rangeClosed(1, 302).boxed().toList(),
                    records.stream().map(LogRecord::sequence).toList());
            for (LogRecord r : records) {
                assertEquals("interaction-" + (r.sequence() - 1), text(r));
            }
        }
    }

    @Test
    void everySegmentIsNamedByItsFirstRecord() throws IOException {
        try (InteractionLog log = InteractionLog.open(dir, SMALL)) {
            appendAll(log, 0, 300);
            List<Long> firsts = new ArrayList<>();
            long[] previous = {0};
            log.replay(0, r -> {
                if (r.sequence() != previous[0] + 1) {
                    throw new AssertionError("gap before " + r.sequence());
                }
                previous[0] = r.sequence();
            });
            for (Path p : segments(dir)) {
                firsts.add(SegmentFile.firstSequenceOf(p));
            }
            assertEquals(1L, firsts.getFirst());
            assertEquals(firsts.stream().sorted().distinct().toList(), firsts);
        }
    }

    @Test
    void replayStartsAtTheRequestedSequence() throws IOException {
        try (InteractionLog log = InteractionLog.open(dir, SMALL)) {
            appendAll(log, 0, 200);
            List<Long> seen = new ArrayList<>();
            assertEquals(51, log.replay(150, r -> seen.add(r.sequence())));
            assertEquals(LongStream.rangeClosed(150, 200).boxed().toList(), seen);
        }
    }

    @Test
    void checkpointDeletesOnlySegmentsWhollyBelowIt() throws IOException {
        try (InteractionLog log = InteractionLog.open(dir, SMALL)) {
            appendAll(log, 0, 300);
            int before = segments(dir).size();
            long secondSegmentStart = SegmentFile.firstSequenceOf(segments(dir).get(1));

            assertEquals(0, log.checkpoint(secondSegmentStart - 2), "first segment still has an unchecked record");
            assertEquals(1, log.checkpoint(secondSegmentStart - 1));
            assertEquals(before - 1, segments(dir).size());

            int deleted = log.checkpoint(250);
            List<Long> seen = new ArrayList<>();
            log.replay(251, r -> seen.add(r.sequence()));
            assertEquals(LongStream.rangeClosed(251, 300).boxed().toList(), seen);
            assertTrue(deleted > 0);
            var e = assertThrows(IllegalArgumentException.class, () -> log.replay(1, r -> { }));
            assertTrue(e.getMessage().contains("deleted by a checkpoint"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> log.checkpoint(301));
        }
        try (InteractionLog log = InteractionLog.open(dir, SMALL)) {
            assertEquals(301, log.append(payload(300)).join());
        }
    }

    @Test
    void blockMarkersAreCheckedAgainstTheLogAndEachOther() throws IOException {
        try (InteractionLog log = InteractionLog.open(dir)) {
            appendAll(log, 0, 3);
            assertMarkerRejected(log, 1, 9, "has only reached 3");
            assertEquals(4, log.appendBlockMarker(5, 3, new byte[32]).join());
            assertMarkerRejected(log, 5, 3, "does not follow block 5");
            assertMarkerRejected(log, 6, 2, "before block 5");
        }
        try (InteractionLog log = InteractionLog.open(dir)) {
            // The last marker is recovered, so the checks hold across a restart.
            assertMarkerRejected(log, 4, 4, "does not follow block 5");
            assertEquals(5, log.appendBlockMarker(6, 4, new byte[] {1}).join());
            assertArrayEquals(new byte[] {1}, ((LogRecord.BlockMarker) replayAll(log).getLast()).stateRoot());
        }
    }

    private static void assertMarkerRejected(InteractionLog log, long block, long last, String why) {
        var e = assertThrows(CompletionException.class, () -> log.appendBlockMarker(block, last, new byte[32]).join());
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains(why), e.getCause().getMessage());
    }

    @Test
    void oversizedInputsAndClosedLogsAreRefused() throws IOException {
        InteractionLog log = InteractionLog.open(dir, SMALL);
        assertThrows(IllegalArgumentException.class, () -> log.append(new byte[4096]));
        assertThrows(IllegalArgumentException.class, () -> log.appendBlockMarker(1, 0, new byte[65]));
        log.close();
        assertThrows(IllegalStateException.class, () -> log.append(payload(1)));
    }

    @Test
    void aDirectoryIsOpenedByOneLogAtATime() throws IOException {
        try (InteractionLog log = InteractionLog.open(dir)) {
            var e = assertThrows(IOException.class, () -> InteractionLog.open(dir));
            assertTrue(e.getMessage().contains("already open"), e.getMessage());
        }
        InteractionLog.open(dir).close();
    }
}
