package io.agnt2.sequencer.infrastructure.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The sequencer's durable, append-only log of signed interactions and closed blocks: the commit
 * point. An interaction is accepted once its append completes, which happens only after the record
 * is on stable storage; the database receives the records' effect later as coalesced checkpoints,
 * and after a crash the records since the last checkpoint are replayed from here.
 *
 * <p>Appends from any number of threads are ordered by one writer thread with group commit (see
 * {@link GroupCommitWriter}); records live in segment files named by their first sequence number
 * (see {@link RecordFormat} and {@link SegmentFile}); opening a directory recovers it (see
 * {@link LogRecovery}). One process at a time may hold a directory open: a lock file enforces it.
 *
 * <pre>{@code
 * try (InteractionLog log = InteractionLog.open(dir)) {
 *     log.replay(checkpoint + 1, record -> ...);            // redo what the database lacks
 *     long seq = log.append(encodedInteraction).join();     // durable from here on
 *     log.appendBlockMarker(block, lastSeq, stateRoot);
 *     log.checkpoint(sequenceTheDatabaseNowHolds);          // drop old segments
 * }
 * }</pre>
 */
public final class InteractionLog implements AutoCloseable {

    private static final Runnable NO_HOOK = () -> { };
    private static final String LOCK_FILE = "interaction-log.lock";

    private final Path dir;
    private final LogOptions options;
    private final FileChannel lockChannel;
    private final SegmentSet segments;
    private final GroupCommitWriter writer;
    private final RecoveryReport recoveryReport;

    private InteractionLog(Path dir, LogOptions options, FileChannel lockChannel, SegmentSet segments,
                           GroupCommitWriter writer, RecoveryReport recoveryReport) {
        this.dir = dir;
        this.options = options;
        this.lockChannel = lockChannel;
        this.segments = segments;
        this.writer = writer;
        this.recoveryReport = recoveryReport;
    }

    public static InteractionLog open(Path dir) throws IOException {
        return open(dir, LogOptions.defaults());
    }

    /**
     * Opens (creating if needed) the log in {@code dir} and recovers it: a torn tail is cut off and
     * reported in {@link #recoveryReport()}; anything worse throws {@link LogCorruptedException}.
     */
    public static InteractionLog open(Path dir, LogOptions options) throws IOException {
        return open(dir, options, NO_HOOK);
    }

    /** As {@link #open(Path, LogOptions)}, with a hook run on the writer thread before each force. */
    static InteractionLog open(Path dir, LogOptions options, Runnable beforeForce) throws IOException {
        Objects.requireNonNull(options, "options");
        Files.createDirectories(dir);
        FileChannel lockChannel = lock(dir);
        try {
            LogRecovery.Recovered recovered = LogRecovery.recover(dir);
            List<SegmentFile> found = recovered.segments();
            if (found.isEmpty()) {
                long first = recovered.nextSequence();
                SegmentFile.create(dir, first).close();
                found = List.of(new SegmentFile(SegmentFile.pathFor(dir, first), first, SegmentFile.HEADER_BYTES));
            }
            SegmentSet segments = new SegmentSet(dir, found);
            GroupCommitWriter writer = new GroupCommitWriter(dir, options, segments, recovered, beforeForce);
            return new InteractionLog(dir, options, lockChannel, segments, writer, recovered.report());
        } catch (IOException | RuntimeException e) {
            lockChannel.close();
            throw e;
        }
    }

    private static FileChannel lock(Path dir) throws IOException {
        FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IOException("interaction log " + dir + " is open in another process");
            }
            return channel;
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw new IOException("interaction log " + dir + " is already open in this process", e);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /** What opening found and repaired. */
    public RecoveryReport recoveryReport() {
        return recoveryReport;
    }

    /**
     * Appends a signed interaction in its canonical encoding (copied; the caller may reuse the
     * array). The future completes with the record's sequence number once it is on stable
     * storage, or exceptionally if the log failed or closed first. Waits while the queue is full;
     * throws {@link LogFullException} if it stays full for the append timeout.
     */
    public CompletableFuture<Long> append(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        if (payload.length > options.maxPayloadBytes()) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes exceeds "
                    + options.maxPayloadBytes());
        }
        return writer.submit(PendingAppend.interaction(payload.clone()));
    }

    /**
     * Records that block {@code blockNumber} closed with every record through {@code lastSequence}
     * and state root {@code stateRoot}. The marker takes a sequence number of its own. It fails
     * (exceptionally, not by throwing) if {@code lastSequence} is not yet in the log, or if the
     * block number or last sequence goes backwards from the previous marker.
     */
    public CompletableFuture<Long> appendBlockMarker(long blockNumber, long lastSequence, byte[] stateRoot) {
        Objects.requireNonNull(stateRoot, "stateRoot");
        if (stateRoot.length > RecordFormat.MAX_STATE_ROOT_BYTES) {
            throw new IllegalArgumentException("state root of " + stateRoot.length + " bytes exceeds "
                    + RecordFormat.MAX_STATE_ROOT_BYTES);
        }
        return writer.submit(PendingAppend.blockMarker(blockNumber, lastSequence, stateRoot));
    }

    /**
     * Hands {@code consumer} every durable record with sequence {@code >= fromSequence}, in order,
     * on the calling thread; appends may continue meanwhile (records made durable after the call
     * began may or may not be included). Returns how many records it handed over.
     *
     * @throws IllegalArgumentException if a checkpoint already deleted records at {@code fromSequence}
     * @throws LogCorruptedException    if a record fails its checks
     */
    public long replay(long fromSequence, Consumer<? super LogRecord> consumer) throws IOException {
        Objects.requireNonNull(consumer, "consumer");
        long firstRetained = segments.firstRetainedSequence();
        if (fromSequence < firstRetained && firstRetained > 1) {
            throw new IllegalArgumentException("replay from " + fromSequence + ": records before "
                    + firstRetained + " were deleted by a checkpoint");
        }
        List<SegmentSet.Snapshot> snapshot = segments.openFrom(fromSequence);
        long handed = 0;
        try {
            for (SegmentSet.Snapshot s : snapshot) {
                handed += replaySegment(s, fromSequence, consumer);
            }
        } finally {
            for (SegmentSet.Snapshot s : snapshot) {
                s.channel().close();
            }
        }
        return handed;
    }

    private static long replaySegment(SegmentSet.Snapshot s, long fromSequence,
                                      Consumer<? super LogRecord> consumer) throws IOException {
        SegmentReader reader = new SegmentReader(s.channel(), s.limit(), s.segment().firstSequence());
        long handed = 0;
        while (true) {
            LogRecord record;
            try {
                record = reader.next();
            } catch (RecordFormat.InvalidRecordException e) {
                // Recovery validated these bytes when the log was opened: they changed since.
                throw new LogCorruptedException(s.segment().path(), reader.recordOffset(), e.getMessage());
            }
            if (record == null) {
                return handed;
            }
            if (record.sequence() >= fromSequence) {
                consumer.accept(record);
                handed++;
            }
        }
    }

    /**
     * Declares that the database holds the effect of every record through {@code sequence}, and
     * deletes the segments that hold nothing newer. The caller must commit that fact to the
     * database first: after this returns, those records can no longer be replayed.
     *
     * @return the number of segment files deleted
     */
    public int checkpoint(long sequence) throws IOException {
        long durable = writer.durableSequence();
        if (sequence > durable) {
            throw new IllegalArgumentException("checkpoint at " + sequence
                    + " is beyond the last durable sequence " + durable);
        }
        return segments.deleteThrough(sequence);
    }

    /** The highest sequence number on stable storage, 0 if none. */
    public long lastSequence() {
        return writer.durableSequence();
    }

    public LogStats stats() {
        return writer.stats();
    }

    public Path directory() {
        return dir;
    }

    /**
     * Makes every record already appended durable and acknowledges it, then releases the
     * directory. Appends after close fail with {@link IllegalStateException}.
     */
    @Override
    public void close() {
        writer.close();
        try {
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("releasing the lock of " + dir, e);
        }
    }
}
