package io.agnt2.sequencer.infrastructure.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The segments of an open log, oldest first; the last one is the writer's. Shared by the writer
 * (which adds a segment on roll), replay (which reads a snapshot) and checkpoints (which delete
 * the oldest), so every method holds the monitor, and none holds it across reading a file.
 */
final class SegmentSet {

    /** A segment opened for replay, with the bytes that were durable when the snapshot was taken. */
    record Snapshot(SegmentFile segment, FileChannel channel, long limit) {
    }

    private final Path dir;
    private final List<SegmentFile> segments;

    SegmentSet(Path dir, List<SegmentFile> recovered) {
        this.dir = dir;
        this.segments = new ArrayList<>(recovered);
    }

    synchronized void add(SegmentFile segment) {
        segments.add(segment);
    }

    synchronized SegmentFile active() {
        return segments.getLast();
    }

    synchronized long firstRetainedSequence() {
        return segments.getFirst().firstSequence();
    }

    /**
     * Opens every segment that may hold {@code fromSequence} or later. Channels are opened here,
     * under the monitor, so that a checkpoint deleting a segment afterwards cannot pull it from
     * under the reader (an open file outlives its directory entry).
     */
    synchronized List<Snapshot> openFrom(long fromSequence) throws IOException {
        List<Snapshot> opened = new ArrayList<>();
        try {
            for (int i = 0; i < segments.size(); i++) {
                SegmentFile segment = segments.get(i);
                boolean whollyBefore = i + 1 < segments.size()
                        && segments.get(i + 1).firstSequence() <= fromSequence;
                if (!whollyBefore) {
                    FileChannel channel = FileChannel.open(segment.path(), StandardOpenOption.READ);
                    opened.add(new Snapshot(segment, channel, segment.durableBytes()));
                }
            }
        } catch (IOException e) {
            for (Snapshot s : opened) {
                s.channel().close();
            }
            throw e;
        }
        return opened;
    }

    /**
     * Deletes the closed segments whose every record is at or below {@code sequence}. The active
     * segment always stays, so replay from {@code sequence + 1} always finds its start.
     */
    synchronized int deleteThrough(long sequence) throws IOException {
        int deleted = 0;
        while (segments.size() > 1 && segments.get(1).firstSequence() - 1 <= sequence) {
            Files.delete(segments.getFirst().path());
            segments.removeFirst();
            deleted++;
        }
        if (deleted > 0) {
            SegmentFile.forceDirectory(dir);
        }
        return deleted;
    }
}
