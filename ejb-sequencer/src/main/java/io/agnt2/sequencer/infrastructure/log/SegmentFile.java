package io.agnt2.sequencer.infrastructure.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One segment file: its name, its header, and how many of its bytes are known to be on stable
 * storage.
 *
 * <p>A segment is named after the sequence number of its first record ({@code
 * 00000000000000000001.seg}), so the directory listing alone orders the log and tells which
 * segments a checkpoint may delete. Its 16-byte header (magic {@code AGNL}, format version, first
 * sequence) repeats the name, so a renamed or foreign file is caught rather than replayed.
 */
final class SegmentFile {

    static final int HEADER_BYTES = 16;
    private static final int MAGIC = 0x41474E4C; // "AGNL"
    private static final int VERSION = 1;
    private static final String SUFFIX = ".seg";
    private static final Pattern NAME = Pattern.compile("(\\d{20})\\.seg");

    private final Path path;
    private final long firstSequence;
    /** Bytes from the start of the file that have been forced; written by the writer thread only. */
    private volatile long durableBytes;

    SegmentFile(Path path, long firstSequence, long durableBytes) {
        this.path = path;
        this.firstSequence = firstSequence;
        this.durableBytes = durableBytes;
    }

    Path path() {
        return path;
    }

    long firstSequence() {
        return firstSequence;
    }

    long durableBytes() {
        return durableBytes;
    }

    void markDurable(long bytes) {
        durableBytes = bytes;
    }

    static Path pathFor(Path dir, long firstSequence) {
        return dir.resolve(String.format("%020d%s", firstSequence, SUFFIX));
    }

    /** Segment files of {@code dir} in sequence order; other files are not the log's business. */
    static List<Path> list(Path dir) throws IOException {
        List<Path> segments = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).forEach(segments::add);
        }
        for (Path p : segments) {
            firstSequenceOf(p); // reject a misnamed segment before anything is read
        }
        segments.sort(Comparator.comparingLong(SegmentFile::firstSequenceOf));
        return segments;
    }

    static long firstSequenceOf(Path segment) {
        Matcher m = NAME.matcher(segment.getFileName().toString());
        if (!m.matches()) {
            throw new LogCorruptedException(segment, 0,
                    "segment file name is not a 20-digit first sequence number with suffix " + SUFFIX);
        }
        return Long.parseLong(m.group(1));
    }

    /**
     * Creates an empty segment with its header. The header is forced together with the first batch
     * written into it; the directory entry is forced here, because no record in the new file may be
     * acknowledged while the file itself could vanish in a crash.
     */
    static FileChannel create(Path dir, long firstSequence) throws IOException {
        Path path = pathFor(dir, firstSequence);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, StandardOpenOption.READ);
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES)
                .putInt(MAGIC).putInt(VERSION).putLong(firstSequence).flip();
        while (header.hasRemaining()) {
            channel.write(header, header.position());
        }
        forceDirectory(dir);
        return channel;
    }

    /** Why the header of {@code channel} does not belong to this segment, or null if it does. */
    static String headerProblem(FileChannel channel, long expectedFirstSequence) throws IOException {
        long size = channel.size();
        if (size < HEADER_BYTES) {
            return "segment header incomplete (" + size + " of " + HEADER_BYTES + " bytes)";
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        while (header.hasRemaining()) {
            channel.read(header, header.position());
        }
        header.flip();
        int magic = header.getInt();
        int version = header.getInt();
        long first = header.getLong();
        if (magic != MAGIC) {
            return String.format("not a segment: magic %08x, expected %08x", magic, MAGIC);
        }
        if (version != VERSION) {
            return "unsupported segment format version " + version;
        }
        if (first != expectedFirstSequence) {
            return "header says first sequence " + first + " but the file name says "
                    + expectedFirstSequence;
        }
        return null;
    }

    /**
     * Makes creations and deletions in {@code dir} durable. Linux allows fsync on a directory
     * opened read-only; that is what this relies on.
     */
    static void forceDirectory(Path dir) throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }
}
