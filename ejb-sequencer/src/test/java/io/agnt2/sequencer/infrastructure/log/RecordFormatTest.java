package io.agnt2.sequencer.infrastructure.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class RecordFormatTest {

    @Test
    void interactionRoundTrip() throws Exception {
        ByteBuffer buf = ByteBuffer.allocate(64);
        RecordFormat.encode(buf, RecordFormat.TYPE_INTERACTION, 42, new byte[] {1, 2, 3});
        assertEquals(RecordFormat.frameBytes(3), buf.position());
        buf.flip();
        assertEquals(buf.limit(), RecordFormat.frameBytesFromLength(buf.getInt(0)));

        LogRecord.Interaction r = (LogRecord.Interaction) RecordFormat.decode(buf);
        assertEquals(42, r.sequence());
        assertArrayEquals(new byte[] {1, 2, 3}, r.payload());
    }

    @Test
    void blockMarkerRoundTrip() throws Exception {
        byte[] root = new byte[32];
        root[31] = 7;
        byte[] body = RecordFormat.blockBody(9, 41, root);
        ByteBuffer buf = ByteBuffer.allocate(RecordFormat.frameBytes(body.length));
        RecordFormat.encode(buf, RecordFormat.TYPE_BLOCK, 42, body);

        LogRecord.BlockMarker m = (LogRecord.BlockMarker) RecordFormat.decode(buf.flip());
        assertEquals(42, m.sequence());
        assertEquals(9, m.blockNumber());
        assertEquals(41, m.lastSequence());
        assertArrayEquals(root, m.stateRoot());
    }

    @Test
    void anyFlippedBitFailsTheCrc() {
        ByteBuffer clean = ByteBuffer.allocate(64);
        RecordFormat.encode(clean, RecordFormat.TYPE_INTERACTION, 1, new byte[] {5, 6, 7, 8});
        int frame = clean.position();
        for (int bit = 0; bit < frame * 8; bit++) {
            if (bit / 8 < 4) {
                continue; // the length field is caught by frameBytesFromLength or the framing, not here
            }
            ByteBuffer damaged = ByteBuffer.wrap(clean.array().clone(), 0, frame);
            damaged.put(bit / 8, (byte) (damaged.get(bit / 8) ^ (1 << (bit % 8))));
            int b = bit;
            var e = assertThrows(RecordFormat.InvalidRecordException.class, () -> RecordFormat.decode(damaged),
                    "bit " + b);
            assertTrue(e.getMessage().contains("CRC32C mismatch"), e.getMessage());
        }
    }

    @Test
    void impossibleLengthsAreRejected() {
        assertThrows(RecordFormat.InvalidRecordException.class, () -> RecordFormat.frameBytesFromLength(0));
        assertThrows(RecordFormat.InvalidRecordException.class, () -> RecordFormat.frameBytesFromLength(-1));
        assertThrows(RecordFormat.InvalidRecordException.class,
                () -> RecordFormat.frameBytesFromLength(RecordFormat.MAX_PAYLOAD_BYTES + 10));
    }
}
