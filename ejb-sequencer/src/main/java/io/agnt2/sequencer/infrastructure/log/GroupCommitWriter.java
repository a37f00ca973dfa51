package io.agnt2.sequencer.infrastructure.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that writes the log, with group commit.
 *
 * <p>A force costs about as much for one record as for a thousand (~150 µs here, 6-7k per second),
 * so the writer never forces per record: it takes everything that queued up while the previous
 * force ran, encodes it into one buffer, writes it with one call and forces once, then acknowledges
 * the whole batch. Under load the batches grow until the disk keeps up; an idle log still answers a
 * lone append after a single force. Only this thread touches the file and assigns sequence numbers.
 *
 * <p>Acknowledgements complete on this thread: dependants attached with the non-async
 * {@code CompletableFuture} methods run here and delay the next batch, so keep them short.
 *
 * <p>An I/O error in write or force is fatal. After a failed fsync the kernel may have dropped the
 * dirty pages, so the file's content is unknown; the writer fails the batch and everything queued,
 * refuses further appends, and leaves it to recovery on the next open to establish the truth.
 */
final class GroupCommitWriter {

    /** Queued by {@link #close()}; the writer finishes what precedes it and stops. */
    private static final PendingAppend STOP = PendingAppend.interaction(new byte[0]);

    private final Path dir;
    private final LogOptions options;
    private final SegmentSet segments;
    private final Runnable beforeForce;
    private final BlockingQueue<PendingAppend> queue;
    private final ByteBuffer batchBuffer = ByteBuffer.allocateDirect(RecordFormat.MAX_BATCH_BYTES);
    private final List<PendingAppend> batch = new ArrayList<>();
    private final Thread thread;

    // Writer-thread state.
    private FileChannel channel;
    private long position;
    private long nextSequence;
    /** The newest block marker written, to check the next one against (its root is not kept). */
    private LogRecord.BlockMarker lastBlock;
    /** Taken from the queue but left for the next batch, which it would not fit. */
    private PendingAppend carried;

    // Published to other threads.
    private volatile long records;
    private volatile long forces;
    private volatile long bytes;
    private volatile long durableSequence;
    private volatile boolean closing;
    private volatile boolean exited;
    private volatile Throwable failure;

    /**
     * @param beforeForce runs on the writer thread just before each force; a seam for tests that
     *                    must hold the writer still, a no-op otherwise
     */
    GroupCommitWriter(Path dir, LogOptions options, SegmentSet segments, LogRecovery.Recovered recovered,
                      Runnable beforeForce) throws IOException {
        this.dir = dir;
        this.options = options;
        this.segments = segments;
        this.beforeForce = beforeForce;
        this.queue = new ArrayBlockingQueue<>(options.queueCapacity());
        this.nextSequence = recovered.nextSequence();
        this.durableSequence = nextSequence - 1;
        this.lastBlock = recovered.lastBlock();
        SegmentFile active = segments.active();
        this.channel = FileChannel.open(active.path(), StandardOpenOption.WRITE, StandardOpenOption.READ);
        this.position = active.durableBytes();
        this.thread = Thread.ofPlatform().name("interaction-log-writer " + dir.getFileName())
                .daemon(true).unstarted(this::run);
        thread.start();
    }

    /**
     * Queues a record, waiting up to the append timeout for room. Back-pressure by blocking: a slow
     * disk slows the appenders down instead of filling the heap; past the timeout the caller gets
     * {@link LogFullException} and nothing was logged.
     */
    CompletableFuture<Long> submit(PendingAppend append) {
        checkOpen();
        boolean queued;
        try {
            queued = queue.offer(append, options.appendTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LogFullException("interrupted while waiting for room in the log queue", e);
        }
        if (!queued) {
            throw new LogFullException("log queue full (" + options.queueCapacity()
                    + " records) for " + options.appendTimeout() + ": the disk is not keeping up");
        }
        if (exited) {
            // The writer stopped between checkOpen and offer; it will not see this record.
            failQueued();
        }
        return append.ack;
    }

    LogStats stats() {
        return new LogStats(records, forces, bytes, durableSequence);
    }

    long durableSequence() {
        return durableSequence;
    }

    /** Writes and acknowledges everything already queued, then stops and closes the file. */
    void close() {
        if (closing) {
            return;
        }
        closing = true;
        boolean interrupted = false;
        while (true) {
            try {
                if (!exited) {
                    queue.put(STOP);
                }
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // finish closing: the file must not be left to the GC
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void checkOpen() {
        Throwable f = failure;
        if (f != null) {
            throw new IllegalStateException("interaction log failed and accepts no appends", f);
        }
        if (closing) {
            throw new IllegalStateException("interaction log is closed");
        }
    }

    private void run() {
        try {
            boolean stop = false;
            while (!stop) {
                stop = writeOneBatch();
            }
        } catch (Throwable t) {
            failure = t;
            failAll(batch, t);
        } finally {
            exited = true;
            failQueued();
            closeQuietly();
        }
    }

    /** Collects, writes, forces and acknowledges one batch; true when {@link #STOP} was reached. */
    private boolean writeOneBatch() throws IOException, InterruptedException {
        PendingAppend next = carried != null ? carried : queue.take();
        carried = null;
        if (next == STOP) {
            return true;
        }
        rollIfFull(next);
        batch.clear();
        batchBuffer.clear();
        boolean stop = false;
        while (true) {
            encode(next);
            next = queue.poll();
            if (next == null) {
                break;
            }
            if (next == STOP) {
                stop = true;
                break;
            }
            if (!fitsInBatch(next)) {
                carried = next;
                break;
            }
        }
        if (!batch.isEmpty()) {
            writeAndForce();
        }
        return stop;
    }

    private boolean fitsInBatch(PendingAppend next) {
        int after = batchBuffer.position() + next.frameBytes();
        return after <= RecordFormat.MAX_BATCH_BYTES && position + after <= options.segmentBytes();
    }

    /** Starts a new segment when {@code next} would not fit in the active one (and that one is not empty). */
    private void rollIfFull(PendingAppend next) throws IOException {
        boolean empty = position == SegmentFile.HEADER_BYTES;
        if (empty || position + next.frameBytes() <= options.segmentBytes()) {
            return;
        }
        // Every batch was forced before this point, so the old segment is complete on disk.
        channel.close();
        channel = SegmentFile.create(dir, nextSequence);
        position = SegmentFile.HEADER_BYTES;
        segments.add(new SegmentFile(SegmentFile.pathFor(dir, nextSequence), nextSequence, position));
    }

    private void encode(PendingAppend append) {
        if (append.isBlockMarker()) {
            String problem = blockMarkerProblem(append);
            if (problem != null) {
                append.ack.completeExceptionally(new IllegalArgumentException(problem));
                return;
            }
            lastBlock = new LogRecord.BlockMarker(nextSequence, append.blockNumber, append.lastSequence, new byte[0]);
        }
        append.sequence = nextSequence++;
        RecordFormat.encode(batchBuffer, append.type, append.sequence, append.body);
        batch.add(append);
    }

    /** Checked here, not at the call, because only the writer knows the sequence the marker gets. */
    private String blockMarkerProblem(PendingAppend marker) {
        if (marker.lastSequence >= nextSequence) {
            return "block " + marker.blockNumber + " claims records through " + marker.lastSequence
                    + " but the log has only reached " + (nextSequence - 1);
        }
        if (lastBlock != null && marker.blockNumber <= lastBlock.blockNumber()) {
            return "block " + marker.blockNumber + " does not follow block " + lastBlock.blockNumber();
        }
        if (lastBlock != null && marker.lastSequence < lastBlock.lastSequence()) {
            return "block " + marker.blockNumber + " ends at sequence " + marker.lastSequence
                    + ", before block " + lastBlock.blockNumber() + " which ended at " + lastBlock.lastSequence();
        }
        return null;
    }

    private void writeAndForce() throws IOException {
        batchBuffer.flip();
        int written = batchBuffer.remaining();
        while (batchBuffer.hasRemaining()) {
            position += channel.write(batchBuffer, position);
        }
        beforeForce.run();
        channel.force(false);
        segments.active().markDurable(position);
        long last = batch.getLast().sequence;
        records += batch.size();
        forces++;
        bytes += written;
        durableSequence = last;
        for (PendingAppend append : batch) {
            append.ack.complete(append.sequence);
        }
        batch.clear();
    }

    private void failQueued() {
        List<PendingAppend> left = new ArrayList<>();
        if (carried != null && Thread.currentThread() == thread) {
            left.add(carried);
            carried = null;
        }
        queue.drainTo(left);
        Throwable f = failure;
        failAll(left, f != null ? new IllegalStateException("interaction log failed", f)
                : new IllegalStateException("interaction log is closed"));
    }

    private static void failAll(List<PendingAppend> appends, Throwable cause) {
        for (PendingAppend append : appends) {
            append.ack.completeExceptionally(cause);
        }
        appends.clear();
    }

    private void closeQuietly() {
        try {
            channel.close();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
    }
}
