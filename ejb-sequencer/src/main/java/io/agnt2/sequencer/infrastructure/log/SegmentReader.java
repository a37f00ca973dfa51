package io.agnt2.sequencer.infrastructure.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads the records of one segment in order, through a buffer, up to a byte limit (the file size
 * for recovery, the durable length for replay of a live log). It checks each record's framing, its
 * CRC, and that its sequence number follows the previous one; what an invalid record means (torn
 * tail or corruption) is for the caller to decide.
 */
final class SegmentReader {

    private static final int BUFFER_BYTES = 2 * RecordFormat.frameBytes(RecordFormat.MAX_PAYLOAD_BYTES);

    private final FileChannel channel;
    private final long limit;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).flip();
    /** File offset of the byte after the buffer's limit. */
    private long readPosition = SegmentFile.HEADER_BYTES;
    private long recordOffset = SegmentFile.HEADER_BYTES;
    private long expectedSequence;

    SegmentReader(FileChannel channel, long limit, long firstSequence) {
        this.channel = channel;
        this.limit = limit;
        this.expectedSequence = firstSequence;
    }

    /** The sequence number the next record must carry. */
    long expectedSequence() {
        return expectedSequence;
    }

    /** File offset of the record {@link #next()} returned or failed on last. */
    long recordOffset() {
        return recordOffset;
    }

    /** The next record, or null at a clean end of the segment. */
    LogRecord next() throws IOException, RecordFormat.InvalidRecordException {
        recordOffset = readPosition - buffer.remaining();
        long left = limit - recordOffset;
        if (left == 0) {
            return null;
        }
        if (left < RecordFormat.PREFIX_BYTES) {
            throw new RecordFormat.InvalidRecordException(
                    "partial record header (" + left + " bytes) at the end of the segment");
        }
        fill(RecordFormat.PREFIX_BYTES);
        int frameBytes = RecordFormat.frameBytesFromLength(buffer.getInt(buffer.position()));
        if (frameBytes > left) {
            throw new RecordFormat.InvalidRecordException("record of " + frameBytes
                    + " bytes runs past the end of the segment (" + left + " bytes left)");
        }
        fill(frameBytes);
        ByteBuffer frame = buffer.slice(buffer.position(), frameBytes);
        LogRecord record = RecordFormat.decode(frame);
        if (record.sequence() != expectedSequence) {
            throw new RecordFormat.InvalidRecordException(
                    "sequence " + record.sequence() + " where " + expectedSequence + " was expected");
        }
        expectedSequence++;
        buffer.position(buffer.position() + frameBytes);
        return record;
    }

    /** Ensures at least {@code bytes} are buffered; the caller has checked they exist before limit. */
    private void fill(int bytes) throws IOException {
        if (buffer.remaining() >= bytes) {
            return;
        }
        buffer.compact();
        buffer.limit((int) Math.min(buffer.capacity(), buffer.position() + (limit - readPosition)));
        while (buffer.position() < bytes) {
            int n = channel.read(buffer, readPosition);
            if (n < 0) {
                throw new IOException("segment shrank while being read at offset " + readPosition);
            }
            readPosition += n;
        }
        buffer.flip();
    }
}
