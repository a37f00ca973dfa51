package io.agnt2.protocol.codec;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.interaction.CapabilityId;
import io.agnt2.protocol.interaction.InvocationId;
import io.agnt2.protocol.state.AgentRecord;
import io.agnt2.protocol.state.ChannelEntry;
import io.agnt2.protocol.state.Invocation;
import io.agnt2.protocol.state.InvocationStatus;
import io.agnt2.protocol.state.Reputation;
import io.agnt2.protocol.state.Session;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A whole {@link AgentRecord} as bytes, for storing and restoring it (database rows, checkpoints);
 * the leaf hash commits to {@link io.agnt2.protocol.state.RecordEncoding} instead. Collections are
 * written in their sorted order, so equal records encode to equal bytes.
 *
 * <pre>
 * record      = version(u8 = 2) address(20) organization(string) metadataUri(string) balance(amount)
 *               nonce(u64) scoreSum(u64) ratings(u64) cooperativeCloses(u64) disputesLost(u64)
 *               u32 count, capabilities: id(32) price(amount)
 *               u32 count, sessions:     counterparty(20) budget(amount) spent(amount) expiresAtBlock(u64)
 *               u32 count, invocations:  id(32) callee(20) capability(32) amount(amount) status(u8)
 *                                        resultHash(32) expiresAtBlock(u64)
 *               u32 count, channels:     id(32) counterparty(20) ownDeposit(amount) counterpartyDeposit(amount)
 *                                        openedAtBlock(u64)
 * amount      = u8 length 0..32, minimal big-endian bytes
 * </pre>
 * Version 2 added the channel counts and the channels (decision 0014); version 1 is not read any more,
 * as no deployment stored it.
 */
public final class AgentRecordCodec {

    private static final int VERSION = 2;

    private AgentRecordCodec() {
    }

    public static byte[] encode(AgentRecord record) {
        ByteWriter out = new ByteWriter(256);
        out.u8(VERSION).bytes(record.address().bytes())
                .string(record.organization(), "organization").string(record.metadataUri(), "metadataUri");
        FieldCodec.writeAmount(record.balance(), out);
        Reputation reputation = record.reputation();
        out.u64(record.nonce().value()).u64(reputation.scoreSum()).u64(reputation.ratings())
                .u64(reputation.cooperativeCloses()).u64(reputation.disputesLost());
        out.u32(record.capabilities().size());
        record.capabilities().forEach((id, price) -> {
            out.bytes(id.value().bytes());
            FieldCodec.writeAmount(price, out);
        });
        out.u32(record.sessions().size());
        record.sessions().forEach((counterparty, session) -> {
            out.bytes(counterparty.bytes());
            FieldCodec.writeAmount(session.budget(), out);
            FieldCodec.writeAmount(session.spent(), out);
            out.u64(session.expiresAtBlock());
        });
        out.u32(record.invocations().size());
        record.invocations().forEach((id, invocation) -> {
            out.bytes(id.value().bytes()).bytes(invocation.callee().bytes()).bytes(invocation.capability().value().bytes());
            FieldCodec.writeAmount(invocation.amount(), out);
            out.u8(invocation.status().code()).bytes(invocation.resultHash().bytes()).u64(invocation.expiresAtBlock());
        });
        out.u32(record.channels().size());
        record.channels().forEach((id, channel) -> {
            out.bytes(id.bytes()).bytes(channel.counterparty().bytes());
            FieldCodec.writeAmount(channel.ownDeposit(), out);
            FieldCodec.writeAmount(channel.counterpartyDeposit(), out);
            out.u64(channel.openedAtBlock());
        });
        return out.toByteArray();
    }

    public static AgentRecord decode(byte[] encoded) {
        ByteReader in = new ByteReader(encoded);
        int version = in.u8("version");
        if (version != VERSION) {
            throw in.malformed("record version " + version + ", expected " + VERSION);
        }
        AgentAddress address = address(in, "address");
        String organization = in.string("organization");
        String metadataUri = in.string("metadataUri");
        Wei balance = FieldCodec.readAmount(in, "balance");
        Nonce nonce = new Nonce(nonNegative(in, "nonce"));
        Reputation reputation = new Reputation(nonNegative(in, "scoreSum"), nonNegative(in, "ratings"),
                nonNegative(in, "cooperativeCloses"), nonNegative(in, "disputesLost"));
        SortedMap<CapabilityId, Wei> capabilities = new TreeMap<>();
        for (long i = count(in, "capabilities"); i > 0; i--) {
            capabilities.put(new CapabilityId(bytes32(in, "capability")), FieldCodec.readAmount(in, "price"));
        }
        SortedMap<AgentAddress, Session> sessions = new TreeMap<>();
        for (long i = count(in, "sessions"); i > 0; i--) {
            sessions.put(address(in, "counterparty"), new Session(FieldCodec.readAmount(in, "budget"),
                    FieldCodec.readAmount(in, "spent"), nonNegative(in, "expiresAtBlock")));
        }
        SortedMap<InvocationId, Invocation> invocations = new TreeMap<>();
        for (long i = count(in, "invocations"); i > 0; i--) {
            InvocationId id = new InvocationId(bytes32(in, "invocation"));
            invocations.put(id, new Invocation(address(in, "callee"), new CapabilityId(bytes32(in, "capability")),
                    FieldCodec.readAmount(in, "amount"), status(in), bytes32(in, "resultHash"),
                    nonNegative(in, "expiresAtBlock")));
        }
        SortedMap<ChannelId, ChannelEntry> channels = new TreeMap<>();
        for (long i = count(in, "channels"); i > 0; i--) {
            channels.put(new ChannelId(bytes32(in, "channel")), new ChannelEntry(address(in, "counterparty"),
                    FieldCodec.readAmount(in, "ownDeposit"), FieldCodec.readAmount(in, "counterpartyDeposit"),
                    nonNegative(in, "openedAtBlock")));
        }
        in.requireEnd("agent record");
        return new AgentRecord(address, organization, metadataUri, balance, nonce, reputation, capabilities, sessions,
                invocations, channels);
    }

    private static AgentAddress address(ByteReader in, String what) {
        return AgentAddress.of(in.bytes(AgentAddress.LENGTH, what));
    }

    private static Bytes32 bytes32(ByteReader in, String what) {
        return Bytes32.of(in.bytes(Bytes32.LENGTH, what));
    }

    private static long count(ByteReader in, String what) {
        long count = in.u32(what + " count");
        if (count > in.remaining()) {
            throw in.malformed(what + " count " + count + " exceeds the bytes left");
        }
        return count;
    }

    private static long nonNegative(ByteReader in, String what) {
        long value = in.u64(what);
        if (value < 0) {
            throw in.malformed(what + " above 2^63 - 1");
        }
        return value;
    }

    private static InvocationStatus status(ByteReader in) {
        int code = in.u8("status");
        for (InvocationStatus status : InvocationStatus.values()) {
            if (status.code() == code) {
                return status;
            }
        }
        throw in.malformed("invocation status " + code + " is unknown");
    }
}
