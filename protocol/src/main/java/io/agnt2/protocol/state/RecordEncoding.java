package io.agnt2.protocol.state;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.crypto.Keccak;
import io.agnt2.protocol.interaction.CapabilityId;
import io.agnt2.protocol.interaction.InvocationId;
import io.agnt2.protocol.value.Wei;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The canonical bytes an {@link AgentRecord}'s leaf hash commits to. The whole record is committed, but
 * variable-length parts only by their hash, so the header has a fixed width (284 bytes) and an L1
 * withdrawal proof needs the header, not the agent's whole invocation history.
 *
 * <pre>
 * header = address(20) ‖ keccak256(utf8 organization)(32) ‖ keccak256(utf8 metadataUri)(32)
 *        ‖ balance(32) ‖ nonce(8) ‖ reputation.scoreSum(8) ‖ reputation.ratings(8)
 *        ‖ reputation.cooperativeCloses(8) ‖ reputation.disputesLost(8)
 *        ‖ capabilitiesHash(32) ‖ sessionsHash(32) ‖ invocationsHash(32) ‖ channelsHash(32)
 * capabilitiesHash = keccak256(‖ over capabilities by id: id(32) ‖ price(32))
 * sessionsHash     = keccak256(‖ over sessions by counterparty: counterparty(20) ‖ budget(32) ‖ spent(32)
 *                              ‖ expiresAtBlock(8))
 * invocationsHash  = keccak256(‖ over invocations by id: id(32) ‖ callee(20) ‖ capability(32) ‖ amount(32)
 *                              ‖ status(1: 0 OPEN, 1 RESPONDED, 2 RATED) ‖ resultHash(32) ‖ expiresAtBlock(8))
 * channelsHash     = keccak256(‖ over channels by id: id(32) ‖ counterparty(20) ‖ ownDeposit(32)
 *                              ‖ counterpartyDeposit(32) ‖ openedAtBlock(8))
 * </pre>
 * Integers are big-endian, amounts uint256 words; "by id" is unsigned byte order; an empty collection
 * hashes no bytes (keccak256 of the empty string).
 */
public final class RecordEncoding {

    public static final int HEADER_LENGTH = 20 + 32 + 32 + 32 + 8 + 8 + 8 + 8 + 8 + 32 + 32 + 32 + 32;

    /** keccak256 of no bytes: the hash of an empty collection or an empty string, most records' case. */
    private static final byte[] EMPTY_HASH = Keccak.keccak256();

    /** The hashes of recent organisation names and metadata URIs (shared by many records). */
    private static final Map<String, byte[]> TEXT_HASHES = new ConcurrentHashMap<>();
    private static final int TEXT_HASHES_MAX = 4096;

    private RecordEncoding() {
    }

    public static byte[] header(AgentRecord record) {
        ByteBuffer header = ByteBuffer.allocate(HEADER_LENGTH)
                .put(record.address().bytes())
                .put(utf8Hash(record.organization()))
                .put(utf8Hash(record.metadataUri()))
                .put(record.balance().toBytes32())
                .put(record.nonce().toBytes8())
                .putLong(record.reputation().scoreSum())
                .putLong(record.reputation().ratings())
                .putLong(record.reputation().cooperativeCloses())
                .putLong(record.reputation().disputesLost())
                .put(capabilitiesHash(record))
                .put(sessionsHash(record))
                .put(invocationsHash(record))
                .put(channelsHash(record));
        return header.array();
    }

    /*
     * The collection hashes are cached on the record's maps (FrozenSortedMap): a record whose collections
     * a wither did not change reuses them, so most leaf hashes cost one keccak, not four.
     */

    static byte[] capabilitiesHash(AgentRecord record) {
        if (record.capabilities().isEmpty()) {
            return EMPTY_HASH;
        }
        return ((FrozenSortedMap<CapabilityId, Wei>) record.capabilities()).hash(RecordEncoding::capabilitiesHash);
    }

    private static byte[] capabilitiesHash(SortedMap<CapabilityId, Wei> capabilities) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * capabilities.size());
        capabilities.forEach((id, price) -> {
            out.writeBytes(id.value().bytes());
            out.writeBytes(price.toBytes32());
        });
        return Keccak.keccak256(out.toByteArray());
    }

    static byte[] sessionsHash(AgentRecord record) {
        if (record.sessions().isEmpty()) {
            return EMPTY_HASH;
        }
        return ((FrozenSortedMap<AgentAddress, Session>) record.sessions()).hash(RecordEncoding::sessionsHash);
    }

    private static byte[] sessionsHash(SortedMap<AgentAddress, Session> sessions) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(92 * sessions.size());
        sessions.forEach((counterparty, session) -> {
            out.writeBytes(counterparty.bytes());
            out.writeBytes(session.budget().toBytes32());
            out.writeBytes(session.spent().toBytes32());
            out.writeBytes(long8(session.expiresAtBlock()));
        });
        return Keccak.keccak256(out.toByteArray());
    }

    static byte[] invocationsHash(AgentRecord record) {
        if (record.invocations().isEmpty()) {
            return EMPTY_HASH;
        }
        return ((FrozenSortedMap<InvocationId, Invocation>) record.invocations()).hash(RecordEncoding::invocationsHash);
    }

    private static byte[] invocationsHash(SortedMap<InvocationId, Invocation> invocations) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(157 * invocations.size());
        invocations.forEach((id, invocation) -> {
            out.writeBytes(id.value().bytes());
            out.writeBytes(invocation.callee().bytes());
            out.writeBytes(invocation.capability().value().bytes());
            out.writeBytes(invocation.amount().toBytes32());
            out.write(invocation.status().code());
            out.writeBytes(invocation.resultHash().bytes());
            out.writeBytes(long8(invocation.expiresAtBlock()));
        });
        return Keccak.keccak256(out.toByteArray());
    }

    static byte[] channelsHash(AgentRecord record) {
        if (record.channels().isEmpty()) {
            return EMPTY_HASH;
        }
        return ((FrozenSortedMap<ChannelId, ChannelEntry>) record.channels()).hash(RecordEncoding::channelsHash);
    }

    private static byte[] channelsHash(SortedMap<ChannelId, ChannelEntry> channels) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(124 * channels.size());
        channels.forEach((id, channel) -> {
            out.writeBytes(id.bytes());
            out.writeBytes(channel.counterparty().bytes());
            out.writeBytes(channel.ownDeposit().toBytes32());
            out.writeBytes(channel.counterpartyDeposit().toBytes32());
            out.writeBytes(long8(channel.openedAtBlock()));
        });
        return Keccak.keccak256(out.toByteArray());
    }

    private static byte[] utf8Hash(String text) {
        if (text.isEmpty()) {
            return EMPTY_HASH;
        }
        byte[] hash = TEXT_HASHES.get(text);
        if (hash == null) {
            hash = Keccak.keccak256(text.getBytes(StandardCharsets.UTF_8));
            if (TEXT_HASHES.size() >= TEXT_HASHES_MAX) {
                TEXT_HASHES.clear(); // bounded; organisations and metadata URIs repeat far more than they vary
            }
            TEXT_HASHES.put(text, hash);
        }
        return hash;
    }

    private static byte[] long8(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }
}
