package io.agnt2.sequencer.infrastructure.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Scans the segments of a log directory when it is opened: validates every record, cuts a torn
 * tail off the last segment, and fails on anything else.
 *
 * <p>The rule that separates the two: the writer forces every batch before it writes the next one
 * and forces a segment before it starts another, so after a crash only the last
 * {@link RecordFormat#MAX_BATCH_BYTES} of the last segment can hold bytes that were never forced.
 * An invalid record there is a torn write of records nobody was told were durable; it is dropped
 * and reported. An invalid record anywhere else damaged data that was acknowledged, and recovery
 * stops with {@link LogCorruptedException} naming the file and offset. (Within that last window a
 * torn write and bit rot look alike; the log cannot tell them apart and treats both as torn.)
 */
final class LogRecovery {

    /** The state the writer resumes from. {@code lastBlock} is null if no marker survives. */
    record Recovered(List<SegmentFile> segments, long nextSequence, LogRecord.BlockMarker lastBlock,
                     RecoveryReport report) {
    }

    private final List<SegmentFile> segments = new ArrayList<>();
    private final List<RecoveryReport.Truncation> truncations = new ArrayList<>();
    private long records;
    private long nextSequence = 1;
    private LogRecord.BlockMarker lastBlock;

    private LogRecovery() {
    }

    static Recovered recover(Path dir) throws IOException {
        return new LogRecovery().scan(dir);
    }

    private Recovered scan(Path dir) throws IOException {
        List<Path> paths = SegmentFile.list(dir);
        for (int i = 0; i < paths.size(); i++) {
            Path path = paths.get(i);
            long first = SegmentFile.firstSequenceOf(path);
            if (i > 0 && first != nextSequence) {
                throw new LogCorruptedException(path, 0, "segment starts at sequence " + first
                        + " but the previous segment ends before " + nextSequence
                        + " (a segment is missing or misnamed)");
            }
            scanSegment(path, first, i == paths.size() - 1);
        }
        RecoveryReport report = new RecoveryReport(segments.size(), records, nextSequence - 1, truncations);
        return new Recovered(segments, nextSequence, lastBlock, report);
    }

    private void scanSegment(Path path, long first, boolean last) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            String headerProblem = SegmentFile.headerProblem(channel, first);
            if (headerProblem != null) {
                if (!last || size > SegmentFile.HEADER_BYTES + RecordFormat.MAX_BATCH_BYTES) {
                    throw new LogCorruptedException(path, 0, headerProblem);
                }
                // A crash right after the segment was created: nothing in it was acknowledged.
                channel.close();
                Files.delete(path);
                SegmentFile.forceDirectory(path.getParent());
                truncations.add(new RecoveryReport.Truncation(path, 0, size, headerProblem + "; segment deleted"));
                nextSequence = Math.max(nextSequence, first);
                return;
            }
            SegmentReader reader = new SegmentReader(channel, size, first);
            long validEnd = readAll(reader, path, size, last);
            if (validEnd < size) {
                channel.truncate(validEnd);
                channel.force(true);
            }
            nextSequence = reader.expectedSequence();
            segments.add(new SegmentFile(path, first, validEnd));
        }
    }

    /** Reads every record; returns where the valid records end. */
    private long readAll(SegmentReader reader, Path path, long size, boolean last) throws IOException {
        while (true) {
            LogRecord record;
            try {
                record = reader.next();
            } catch (RecordFormat.InvalidRecordException e) {
                long offset = reader.recordOffset();
                long tail = size - offset;
                if (!last) {
                    throw new LogCorruptedException(path, offset, e.getMessage() + " (in a closed segment)");
                }
                if (tail > RecordFormat.MAX_BATCH_BYTES) {
                    throw new LogCorruptedException(path, offset, e.getMessage() + " (" + tail
                            + " bytes before the end: too far from the tail to be a torn write)");
                }
                truncations.add(new RecoveryReport.Truncation(path, offset, tail, e.getMessage()));
                return offset;
            }
            if (record == null) {
                return size;
            }
            records++;
            if (record instanceof LogRecord.BlockMarker marker) {
                lastBlock = marker;
            }
        }
    }
}
