package io.agnt2.sequencer.infrastructure.log;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The on-disk layout of one record; the only class that knows its byte offsets.
 *
 * <pre>
 * offset size field
 *   0     4   length    bytes after the CRC field (type + sequence + body), big-endian
 *   4     4   crc       CRC32C over length, type, sequence and body (everything but itself)
 *   8     1   type      1 = interaction, 2 = block marker
 *   9     8   sequence  strictly increasing by one per record
 *  17     n   body      interaction: the payload as given
 *                       block marker: blockNumber (8), lastSequence (8), stateRoot (rest)
 * </pre>
 *
 * The CRC covers the length so that a torn or flipped length cannot make a different slice of the
 * file look like a valid record.
 */
final class RecordFormat {

    static final byte TYPE_INTERACTION = 1;
    static final byte TYPE_BLOCK = 2;

    /** Bytes before the body: length, crc, type, sequence. */
    static final int HEADER_BYTES = 17;
    /** Bytes the length field does not count: itself and the CRC. */
    static final int PREFIX_BYTES = 8;

    /** A signed interaction is a few hundred bytes; this bound only stops a runaway caller. */
    static final int MAX_PAYLOAD_BYTES = 256 * 1024;
    static final int MAX_STATE_ROOT_BYTES = 64;
    private static final int BLOCK_FIXED_BYTES = 16;

    /**
     * The writer never has more than this many bytes written but not yet forced, so after a crash
     * only this last stretch of the last segment can hold a torn write. Recovery relies on it to
     * tell a torn tail from corruption; it is part of the format, not a tuning knob.
     */
    static final int MAX_BATCH_BYTES = 1 << 20;

    private static final int MIN_LENGTH = HEADER_BYTES - PREFIX_BYTES;
    private static final int MAX_LENGTH = MIN_LENGTH + MAX_PAYLOAD_BYTES;

    private RecordFormat() {
    }

    /** A record that does not decode; the reason names what is wrong. Cheap: no stack trace. */
    static final class InvalidRecordException extends Exception {
        InvalidRecordException(String reason) {
            super(reason, null, false, false);
        }
    }

    static int frameBytes(int bodyBytes) {
        return HEADER_BYTES + bodyBytes;
    }

    static byte[] blockBody(long blockNumber, long lastSequence, byte[] stateRoot) {
        return ByteBuffer.allocate(BLOCK_FIXED_BYTES + stateRoot.length)
                .putLong(blockNumber).putLong(lastSequence).put(stateRoot).array();
    }

    /** Writes one record at {@code dst}'s position and advances it. */
    static void encode(ByteBuffer dst, byte type, long sequence, byte[] body) {
        int start = dst.position();
        dst.putInt(MIN_LENGTH + body.length).putInt(0).put(type).putLong(sequence).put(body);
        dst.putInt(start + 4, crcOf(dst, start, dst.position()));
    }

    /**
     * Total frame size announced by the length field at the start of a record, or an error if no
     * record can be that long (a torn or overwritten length).
     */
    static int frameBytesFromLength(int length) throws InvalidRecordException {
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new InvalidRecordException("invalid record length " + length
                    + " (must be " + MIN_LENGTH + ".." + MAX_LENGTH + ")");
        }
        return PREFIX_BYTES + length;
    }

    /** Decodes one complete frame: {@code frame} holds exactly the bytes of one record. */
    static LogRecord decode(ByteBuffer frame) throws InvalidRecordException {
        int start = frame.position();
        int end = frame.limit();
        int stored = frame.getInt(start + 4);
        int computed = crcOf(frame, start, end);
        if (stored != computed) {
            throw new InvalidRecordException(String.format(
                    "CRC32C mismatch (stored %08x, computed %08x)", stored, computed));
        }
        byte type = frame.get(start + PREFIX_BYTES);
        long sequence = frame.getLong(start + PREFIX_BYTES + 1);
        byte[] body = new byte[end - start - HEADER_BYTES];
        frame.get(start + HEADER_BYTES, body);
        return switch (type) {
            case TYPE_INTERACTION -> new LogRecord.Interaction(sequence, body);
            case TYPE_BLOCK -> decodeBlock(sequence, body);
            default -> throw new InvalidRecordException("unknown record type " + type);
        };
    }

    private static LogRecord decodeBlock(long sequence, byte[] body) throws InvalidRecordException {
        if (body.length < BLOCK_FIXED_BYTES || body.length > BLOCK_FIXED_BYTES + MAX_STATE_ROOT_BYTES) {
            throw new InvalidRecordException("block marker body of " + body.length + " bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(body);
        long blockNumber = in.getLong();
        long lastSequence = in.getLong();
        byte[] root = new byte[in.remaining()];
        in.get(root);
        return new LogRecord.BlockMarker(sequence, blockNumber, lastSequence, root);
    }

    /** CRC32C of bytes [start, end) of {@code buf}, leaving out the CRC field itself. */
    private static int crcOf(ByteBuffer buf, int start, int end) {
        CRC32C crc = new CRC32C();
        crc.update(buf.slice(start, 4));
        crc.update(buf.slice(start + PREFIX_BYTES, end - start - PREFIX_BYTES));
        return (int) crc.getValue();
    }
}
