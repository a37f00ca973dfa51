package io.agnt2.channel.journal;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.channel.SignedChannelState;
import io.agnt2.protocol.channel.SignedChannelStateCodec;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The on-disk form of a {@link JournalEntry}: a frame that a reader can tell apart from a torn or
 * overwritten tail.
 *
 * <pre>
 * length   4  big-endian, bytes of the payload
 * crc32c   4  of the payload
 * payload:
 *   version      1  = 2
 *   participantA 20
 *   participantB 20
 *   localRole    1  0 = we are A, 1 = we are B
 *   state      265  SignedChannelStateCodec (version 2: signatures r||s, no v)
 *   hostLength   2  0 when the peer connected to us
 *   host         n  UTF-8, the endpoint's host as configured (not resolved)
 *   port         2  only when hostLength > 0
 * </pre>
 *
 * Version 1 records (before decision 0015) hold a version-1 state of 267 bytes, signatures r||s||v; they
 * are still read (the v is dropped) and the journal writes version 2 from then on, so a node upgrades in
 * place. A record whose checksum holds but whose version this code does not know is refused loudly
 * ({@link UnreadableJournalException}) instead of being taken for a torn tail and cut off: that would
 * throw away co-signed states a newer node wrote.
 */
final class JournalRecordCodec {

    static final int HEADER = 8;
    private static final int VERSION = 2;
    private static final int VERSION_1 = 1;
    private static final int FIXED_PAYLOAD = 1 + 20 + 20 + 1 + SignedChannelStateCodec.LENGTH + 2;
    private static final int FIXED_PAYLOAD_V1 = 1 + 20 + 20 + 1 + SignedChannelStateCodec.VERSION_1_LENGTH + 2;
    /** A host name is at most 253 characters; anything longer is not one of our records. */
    static final int MAX_PAYLOAD = FIXED_PAYLOAD_V1 + 1024 + 2;

    private JournalRecordCodec() {
    }

    /** Appends the framed record to {@code out}, which must have room ({@link #framedSize}). */
    static void write(JournalEntry entry, ByteBuffer out) {
        byte[] host = entry.remoteEndpoint() == null ? new byte[0]
                : entry.remoteEndpoint().getHostString().getBytes(StandardCharsets.UTF_8);
        int payloadLength = payloadSize(host.length);
        int start = out.position();
        out.putInt(payloadLength).putInt(0); // crc patched below, once the payload is in place
        int payloadStart = out.position();
        out.put((byte) VERSION)
                .put(entry.participantA().bytes())
                .put(entry.participantB().bytes())
                .put((byte) (entry.localAgent().equals(entry.participantA()) ? 0 : 1))
                .put(SignedChannelStateCodec.encode(entry.state()))
                .putShort((short) host.length)
                .put(host);
        if (host.length > 0) {
            out.putShort((short) entry.remoteEndpoint().getPort());
        }
        CRC32C crc = new CRC32C();
        crc.update(out.slice(payloadStart, payloadLength));
        out.putInt(start + 4, (int) crc.getValue());
    }

    static int framedSize(JournalEntry entry) {
        int host = entry.remoteEndpoint() == null ? 0
                : entry.remoteEndpoint().getHostString().getBytes(StandardCharsets.UTF_8).length;
        return HEADER + payloadSize(host);
    }

    private static int payloadSize(int hostLength) {
        return FIXED_PAYLOAD + hostLength + (hostLength > 0 ? 2 : 0);
    }

    /**
     * Reads the record at {@code in}'s position and advances past it; null (position unchanged) when the
     * bytes there are not a whole, intact record: the end of the log, or a tail torn by a crash.
     */
    static JournalEntry read(ByteBuffer in) {
        int start = in.position();
        if (in.remaining() < HEADER) {
            return null;
        }
        int length = in.getInt(start);
        int checksum = in.getInt(start + 4);
        if (length < Math.min(FIXED_PAYLOAD, FIXED_PAYLOAD_V1) || length > MAX_PAYLOAD || in.remaining() - HEADER < length) {
            return null;
        }
        ByteBuffer payload = in.slice(start + HEADER, length);
        CRC32C crc = new CRC32C();
        crc.update(payload.duplicate());
        if ((int) crc.getValue() != checksum) {
            return null;
        }
        JournalEntry entry = decodePayload(payload, length, start);
        if (entry != null) {
            in.position(start + HEADER + length);
        }
        return entry;
    }

    private static JournalEntry decodePayload(ByteBuffer payload, int length, int offset) {
        int version = payload.get(0) & 0xff;
        if (version != VERSION && version != VERSION_1) {
            throw new UnreadableJournalException("channel journal record at byte " + offset + " has version " + version
                    + "; this node reads versions " + VERSION_1 + " and " + VERSION + " (written by a newer node?)."
                    + " Refusing to start rather than cut it off as a torn tail");
        }
        try {
            payload.get();
            AgentAddress a = AgentAddress.of(take(payload, 20));
            AgentAddress b = AgentAddress.of(take(payload, 20));
            int role = payload.get();
            SignedChannelState state = SignedChannelStateCodec.decode(take(payload,
                    version == VERSION ? SignedChannelStateCodec.LENGTH : SignedChannelStateCodec.VERSION_1_LENGTH));
            int hostLength = payload.getShort() & 0xffff;
            InetSocketAddress endpoint = null;
            if (hostLength > 0) {
                String host = new String(take(payload, hostLength), StandardCharsets.UTF_8);
                endpoint = new InetSocketAddress(host, payload.getShort() & 0xffff);
            }
            if (payload.position() != length || (role != 0 && role != 1)) {
                return null;
            }
            return new JournalEntry(a, b, role == 0 ? a : b, endpoint, state);
        } catch (RuntimeException checksumCollisionOrBug) {
            // The checksum matched but the payload is not ours: treat it like a torn tail.
            return null;
        }
    }

    private static byte[] take(ByteBuffer in, int length) {
        byte[] out = new byte[length];
        in.get(out);
        return out;
    }
}
