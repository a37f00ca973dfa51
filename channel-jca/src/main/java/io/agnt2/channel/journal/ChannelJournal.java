package io.agnt2.channel.journal;

import io.agnt2.protocol.channel.ChannelId;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The durable record of every co-signed channel state a node holds: an append-only file with one
 * writer thread that commits in groups. An append completes only after the bytes are forced to disk;
 * all appends waiting when the writer wakes share one force, so the number of updates per second is
 * bounded by the disk's bandwidth, not by its ~6k forces per second.
 *
 * <p>Only the latest state of a channel matters (the adjudicator pays out the highest nonce), so
 * {@link #open} replays the file into the latest entry per channel, and when the file outgrows
 * {@code compactAtBytes} the writer starts a fresh file holding just those entries. Files are named
 * {@code channels-<generation>.journal}; the highest complete generation is the journal, and a
 * compaction becomes visible by an atomic rename, so a crash in the middle leaves the old one intact.
 *
 * <p>Appends are written in the order they are made, so a caller that appends the states of one
 * channel in nonce order gets them durable in nonce order.
 */
public final class ChannelJournal implements AutoCloseable {

    public static final long DEFAULT_COMPACT_AT_BYTES = 64L << 20;

    private static final Logger LOG = Logger.getLogger(ChannelJournal.class.getName());
    private static final Pattern FILE_NAME = Pattern.compile("channels-(\\d{8})\\.journal");
    private static final int MAX_GROUP = 4096;

    private final Path dir;
    private final long compactAtBytes;
    private final Map<ChannelId, JournalEntry> latest;
    private final BlockingQueue<PendingAppend> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final JournalStats stats = new JournalStats();

    private FileChannel file;
    private long generation;
    private ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    private volatile boolean closed;
    private volatile IOException failure;

    private ChannelJournal(Path dir, long compactAtBytes, long generation, FileChannel file,
                           Map<ChannelId, JournalEntry> latest) {
        this.dir = dir;
        this.compactAtBytes = compactAtBytes;
        this.generation = generation;
        this.file = file;
        this.latest = latest;
        this.writer = Thread.ofPlatform().name("channel-journal-" + dir.getFileName()).daemon().unstarted(this::writeLoop);
    }

    public static ChannelJournal open(Path dir) throws IOException {
        return open(dir, DEFAULT_COMPACT_AT_BYTES);
    }

    /**
     * Opens (or creates) the journal in {@code dir}: replays it, cuts off a torn tail, and starts the writer.
     */
    public static ChannelJournal open(Path dir, long compactAtBytes) throws IOException {
        Files.createDirectories(dir);
        long generation = newestGeneration(dir);
        Path path = dir.resolve(fileName(generation));
        FileChannel file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        Map<ChannelId, JournalEntry> latest = new LinkedHashMap<>();
        long valid;
        try {
            valid = replay(file, latest);
        } catch (RuntimeException unreadable) {
            file.close();
            throw unreadable;
        }
        if (valid < file.size()) {
            LOG.warning("channel journal " + path + ": cutting a torn tail of " + (file.size() - valid)
                    + " bytes after " + valid + " intact bytes");
            file.truncate(valid);
            file.force(true);
        }
        file.position(valid);
        ChannelJournal journal = new ChannelJournal(dir, compactAtBytes, generation, file, latest);
        journal.writer.start();
        return journal;
    }

    /** The latest durable entry of every channel; right after {@link #open}, what the replay found. */
    public synchronized Collection<JournalEntry> recovered() {
        return List.copyOf(latest.values());
    }

    /**
     * Queues {@code entry}; the future completes once it is durable, on the writer thread (so a
     * dependent action should be short, or hop to its own executor). It fails if the journal is closed
     * or the disk failed; nothing written after a failure is ever acknowledged.
     */
    public CompletableFuture<Void> append(JournalEntry entry) {
        CompletableFuture<Void> durable = new CompletableFuture<>();
        if (closed) {
            durable.completeExceptionally(new IllegalStateException("channel journal " + dir + " is closed"));
            return durable;
        }
        queue.add(new PendingAppend(entry, durable));
        return durable;
    }

    public JournalStats stats() {
        return stats;
    }

    /** Writes what is queued, then stops the writer and closes the file. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(PendingAppend.STOP);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            file.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "closing channel journal " + dir, e);
        }
    }

    private void writeLoop() {
        List<PendingAppend> group = new ArrayList<>(MAX_GROUP);
        boolean stopping = false;
        while (!stopping) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(group, MAX_GROUP - 1);
            stopping = group.remove(PendingAppend.STOP);
            if (!group.isEmpty()) {
                commit(group);
            }
            group.clear();
        }
        // close(): nothing is appended after STOP is queued except by racing callers; refuse those.
        List<PendingAppend> late = new ArrayList<>();
        queue.drainTo(late);
        late.forEach(p -> p.durable().completeExceptionally(new IllegalStateException("channel journal closed")));
    }

    private void commit(List<PendingAppend> group) {
        if (failure != null) {
            group.forEach(p -> p.durable().completeExceptionally(failure));
            return;
        }
        try {
            buffer.clear();
            for (PendingAppend pending : group) {
                int size = JournalRecordCodec.framedSize(pending.entry());
                if (buffer.remaining() < size) {
                    flushTo(file);
                    if (buffer.capacity() < size) {
                        buffer = ByteBuffer.allocateDirect(size);
                    }
                }
                JournalRecordCodec.write(pending.entry(), buffer);
            }
            flushTo(file);
            file.force(false);
            stats.forced(group.size());
            synchronized (this) {
                for (PendingAppend pending : group) {
                    latest.put(pending.entry().channelId(), pending.entry());
                }
            }
        } catch (IOException e) {
            failure = e;
            LOG.log(Level.SEVERE, "channel journal " + dir + " failed; no further state is acknowledged", e);
            group.forEach(p -> p.durable().completeExceptionally(e));
            return;
        }
        group.forEach(p -> p.durable().complete(null));
        compactIfLarge();
    }

    private void flushTo(FileChannel target) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            target.write(buffer);
        }
        buffer.clear();
    }

    /**
     * Writes the latest entry per channel to the next generation's file, forces it, and renames it into
     * place; only then is the old generation deleted. Runs on the writer thread between two groups.
     */
    private void compactIfLarge() {
        try {
            if (file.position() < compactAtBytes) {
                return;
            }
            long next = generation + 1;
            Path tmp = dir.resolve(fileName(next) + ".tmp");
            List<JournalEntry> entries;
            synchronized (this) {
                entries = List.copyOf(latest.values());
            }
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                buffer.clear();
                for (JournalEntry entry : entries) {
                    if (buffer.remaining() < JournalRecordCodec.framedSize(entry)) {
                        flushTo(out);
                    }
                    JournalRecordCodec.write(entry, buffer);
                }
                flushTo(out);
                out.force(true);
            }
            Path target = dir.resolve(fileName(next));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory();
            FileChannel reopened = FileChannel.open(target, StandardOpenOption.READ, StandardOpenOption.WRITE);
            reopened.position(reopened.size());
            FileChannel old = file;
            Path oldPath = dir.resolve(fileName(generation));
            file = reopened;
            generation = next;
            old.close();
            Files.deleteIfExists(oldPath);
            stats.compacted();
        } catch (IOException e) {
            // The old generation is still whole and still the one being appended to; try again later.
            LOG.log(Level.WARNING, "compacting channel journal " + dir + " failed; it keeps growing", e);
        }
    }

    private void forceDirectory() {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UnsupportedOperationException notOnThisPlatform) {
            // Linux supports it; elsewhere the rename is as durable as the platform makes it.
        }
    }

    /** Reads intact records into {@code latest}; returns the length of the intact prefix. */
    private static long replay(FileChannel file, Map<ChannelId, JournalEntry> latest) throws IOException {
        long size = file.size();
        if (size == 0) {
            return 0;
        }
        // Compaction keeps the file near compactAtBytes, so it fits in memory; a heap copy leaves no
        // mapping behind when the tail is truncated.
        ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(size));
        while (all.hasRemaining()) {
            if (file.read(all, all.position()) < 0) {
                break;
            }
        }
        all.flip();
        JournalEntry entry;
        while ((entry = JournalRecordCodec.read(all)) != null) {
            latest.put(entry.channelId(), entry);
        }
        return all.position();
    }

    /** The newest complete generation; older ones and unfinished compactions are removed. */
    private static long newestGeneration(Path dir) throws IOException {
        long newest = 1;
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.toList();
        }
        for (Path path : files) {
            Matcher m = FILE_NAME.matcher(path.getFileName().toString());
            if (m.matches()) {
                newest = Math.max(newest, Long.parseLong(m.group(1)));
            }
        }
        for (Path path : files) {
            String name = path.getFileName().toString();
            Matcher m = FILE_NAME.matcher(name);
            boolean older = m.matches() && Long.parseLong(m.group(1)) < newest;
            boolean unfinished = name.startsWith("channels-") && name.endsWith(".journal.tmp");
            if (older || unfinished) {
                Files.delete(path);
            }
        }
        return newest;
    }

    private static String fileName(long generation) {
        return "channels-%08d.journal".formatted(generation);
    }

    private record PendingAppend(JournalEntry entry, CompletableFuture<Void> durable) {
        static final PendingAppend STOP = new PendingAppend(null, null);
    }

    /** For errors that callers cannot act on but should see: the journal's own I/O failure. */
    public IOException failure() {
        return failure;
    }
}
