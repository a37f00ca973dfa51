package io.agnt2.sequencer.infrastructure.log;

import static io.agnt2.sequencer.infrastructure.log.LogFixtures.appendAll;
import static io.agnt2.sequencer.infrastructure.log.LogFixtures.appendBytes;
import static io.agnt2.sequencer.infrastructure.log.LogFixtures.lastSegment;
import static io.agnt2.sequencer.infrastructure.log.LogFixtures.replayAll;
import static io.agnt2.sequencer.infrastructure.log.LogFixtures.segments;
import static io.agnt2.sequencer.infrastructure.log.LogFixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogRecoveryTest {

    private static final LogOptions SMALL = LogOptions.defaults().withSegmentBytes(4096);

    @TempDir
    Path dir;

    @Test
    void garbageAfterTheLastRecordIsTruncatedAndReported() throws IOException {
        writeRecords(LogOptions.defaults(), 10);
        Path segment = lastSegment(dir);
        long goodSize = Files.size(segment);
        appendBytes(segment, new byte[] {0, 0, 0, 14, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18});

        try (InteractionLog log = InteractionLog.open(dir)) {
            RecoveryReport report = log.recoveryReport();
            assertEquals(1, report.truncations().size(), report.toString());
            RecoveryReport.Truncation t = report.truncations().getFirst();
            assertEquals(segment, t.file());
            assertEquals(goodSize, t.offset());
            assertEquals(22, t.droppedBytes());
            assertTrue(t.reason().contains("CRC32C mismatch"), t.reason());
            assertEquals(goodSize, Files.size(segment));
            assertEquals(10, report.lastSequence());
            assertEquals(11, log.append(LogFixtures.payload(10)).join());
        }
        try (InteractionLog log = InteractionLog.open(dir)) {
            assertTrue(log.recoveryReport().clean());
            assertEquals(11, replayAll(log).size());
        }
    }

    @Test
    void aHalfWrittenLastRecordIsTruncated() throws IOException {
        writeRecords(LogOptions.defaults(), 10);
        Path segment = lastSegment(dir);
        long size = Files.size(segment);
        int lastFrame = RecordFormat.frameBytes(LogFixtures.payload(9).length);
        truncate(segment, size - lastFrame / 2);

        try (InteractionLog log = InteractionLog.open(dir)) {
            RecoveryReport.Truncation t = log.recoveryReport().truncations().getFirst();
            assertEquals(size - lastFrame, t.offset());
            assertTrue(t.reason().contains("runs past the end of the segment"), t.reason());
            List<LogRecord> records = replayAll(log);
            assertEquals(9, records.size());
            assertEquals("interaction-8", text(records.getLast()));
        }
    }

    @Test
    void aPartialRecordHeaderIsTruncated() throws IOException {
        writeRecords(LogOptions.defaults(), 3);
        appendBytes(lastSegment(dir), new byte[] {0, 0, 0});
        try (InteractionLog log = InteractionLog.open(dir)) {
            assertTrue(log.recoveryReport().truncations().getFirst().reason().contains("partial record header"));
            assertEquals(3, log.recoveryReport().lastSequence());
        }
    }

    @Test
    void aNewSegmentWithATornHeaderIsDeleted() throws IOException {
        writeRecords(SMALL, 100);
        Path torn = SegmentFile.pathFor(dir, 101);
        Files.write(torn, new byte[] {0x41, 0x47}); // the crash came while the header was being written
        try (InteractionLog log = InteractionLog.open(dir, SMALL)) {
            RecoveryReport.Truncation t = log.recoveryReport().truncations().getFirst();
            assertEquals(torn, t.file());
            assertTrue(t.reason().contains("segment header incomplete"), t.reason());
            assertEquals(101, log.append(LogFixtures.payload(100)).join());
        }
    }

    @Test
    void corruptionInAClosedSegmentIsAnErrorWithFileAndOffset() throws IOException {
        writeRecords(SMALL, 300);
        Path first = segments(dir).getFirst();
        long offset = SegmentFile.HEADER_BYTES + 3L * RecordFormat.frameBytes(LogFixtures.payload(0).length);
        flipByte(first, offset + 20);

        var e = assertThrows(LogCorruptedException.class, () -> InteractionLog.open(dir, SMALL));
        assertEquals(first, e.file());
        assertEquals(offset, e.offset());
        assertTrue(e.getMessage().contains("CRC32C mismatch") && e.getMessage().contains("closed segment"),
                e.getMessage());
        assertTrue(Files.size(first) > offset + 20, "nothing was truncated");
    }

    @Test
    void corruptionFarFromTheEndOfTheLastSegmentIsAnError() throws IOException {
        // One segment with more than one batch window of records after the damaged one.
        int payload = 1000;
        int count = 2 * RecordFormat.MAX_BATCH_BYTES / payload;
        try (InteractionLog log = InteractionLog.open(dir)) {
            for (int i = 0; i < count; i++) {
                log.append(new byte[payload]);
            }
            log.append(new byte[payload]).join();
        }
        Path segment = lastSegment(dir);
        long offset = SegmentFile.HEADER_BYTES + 10L * RecordFormat.frameBytes(payload);
        flipByte(segment, offset + RecordFormat.HEADER_BYTES + 1);

        var e = assertThrows(LogCorruptedException.class, () -> InteractionLog.open(dir));
        assertEquals(segment, e.file());
        assertEquals(offset, e.offset());
        assertTrue(e.getMessage().contains("too far from the tail to be a torn write"), e.getMessage());
    }

    @Test
    void aMissingSegmentIsAnError() throws IOException {
        writeRecords(SMALL, 300);
        Path second = segments(dir).get(1);
        Files.delete(second);
        var e = assertThrows(LogCorruptedException.class, () -> InteractionLog.open(dir, SMALL));
        assertTrue(e.getMessage().contains("a segment is missing"), e.getMessage());
    }

    @Test
    void aRecordOutOfSequenceIsCaught() throws IOException {
        writeRecords(SMALL, 300);
        Path first = segments(dir).getFirst();
        // Rewrite the second record of the first segment as a valid record with the wrong number.
        int frame = RecordFormat.frameBytes(LogFixtures.payload(1).length);
        ByteBuffer forged = ByteBuffer.allocate(frame);
        RecordFormat.encode(forged, RecordFormat.TYPE_INTERACTION, 7, LogFixtures.payload(1));
        long offset = SegmentFile.HEADER_BYTES + RecordFormat.frameBytes(LogFixtures.payload(0).length);
        try (RandomAccessFile f = new RandomAccessFile(first.toFile(), "rw")) {
            f.seek(offset);
            f.write(forged.array());
        }
        var e = assertThrows(LogCorruptedException.class, () -> InteractionLog.open(dir, SMALL));
        assertEquals(offset, e.offset());
        assertTrue(e.getMessage().contains("sequence 7 where 2 was expected"), e.getMessage());
    }

    private void writeRecords(LogOptions options, int count) throws IOException {
        try (InteractionLog log = InteractionLog.open(dir, options)) {
            appendAll(log, 0, count);
        }
    }

    private static void flipByte(Path file, long offset) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(offset);
            int b = f.read();
            f.seek(offset);
            f.write(b ^ 0xFF);
        }
    }

    private static void truncate(Path file, long size) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
    }
}
