package io.agnt2.channel.transport;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.channel.SignedChannelState;
import io.agnt2.protocol.channel.SignedChannelStateCodec;
import io.agnt2.protocol.crypto.CompactSignature;
import io.agnt2.protocol.crypto.Signature;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Wei;
import io.netty.buffer.ByteBuf;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bytes of a {@link ChannelMessage}, inside one length-prefixed frame (the 4-byte length is the
 * frame layer's, see {@link PeerTransport}). All integers big-endian.
 *
 * <pre>
 * type 1 OPEN_PROPOSAL   chainId(8) adjudicator(20) participantA(20) participantB(20) salt(32) proposal(201)
 * type 2 UPDATE_PROPOSAL proposal(201)
 * type 3 ACCEPT          channelId(32) nonce(8) signature(64: r||s, no v)
 * type 4 REFUSE          channelId(32) nonce(8) proposalDigest(32) reason(1) length(2) message(UTF-8)
 * type 5 SYNC            flags(1: bit 0 reply, bit 1 more frames follow) count(2) count x signed state(265)
 * type 6 DURABLE         channelId(32) nonce(8)
 * type 7 HEARTBEAT       (nothing)
 * </pre>
 *
 * A proposal is the canonical {@link SignedChannelStateCodec} form cut after its first 201 bytes: the
 * 137 bytes of the state, then the proposer's signature in the first signature slot whichever
 * participant the proposer is (the receiver knows who it is from the channel). So a proposal's state
 * bytes are exactly those of the co-signed state it becomes, and the protocol's codec checks both.
 *
 * <p>Signatures are r||s without {@code v} since decision 0015 (state version 2). A peer from before
 * sends version-1 states (the first byte of a proposal or SYNC state) and 65-byte signatures in ACCEPT;
 * they are refused as malformed with a message that says so, since the two cannot agree on a format.
 */
public final class ChannelMessageCodec {

    public static final int OPEN_PROPOSAL = 1;
    public static final int UPDATE_PROPOSAL = 2;
    public static final int ACCEPT = 3;
    public static final int REFUSE = 4;
    public static final int SYNC = 5;
    public static final int DURABLE = 6;
    public static final int HEARTBEAT = 7;

    /**
     * Refusal codes the transport sends by itself, before any channel logic sees the bytes; the node's
     * refusal reasons use the same numbers.
     */
    public static final int REFUSED_MALFORMED = 1;
    public static final int REFUSED_BALANCE_OVERFLOW = 4;

    /** States per SYNC frame; a node with more channels on one link sends several. */
    public static final int MAX_SYNC_STATES = 3000;
    public static final int MAX_REFUSE_MESSAGE_BYTES = 1024;

    private static final int STATE_BYTES = SignedChannelStateCodec.STATE_LENGTH;
    static final int PROPOSAL_BYTES = STATE_BYTES + CompactSignature.LENGTH;
    private static final String OLD_PEER = " (a peer from before decision 0015, whose signatures carry v: upgrade it)";

    private ChannelMessageCodec() {
    }

    public static void encode(ChannelMessage message, ByteBuf out) {
        switch (message) {
            case ChannelMessage.OpenProposal open -> {
                out.writeByte(OPEN_PROPOSAL)
                        .writeLong(open.chainId())
                        .writeBytes(open.adjudicator().bytes())
                        .writeBytes(open.participantA().bytes())
                        .writeBytes(open.participantB().bytes())
                        .writeBytes(open.salt().bytes());
                writeProposal(open.proposal(), out);
            }
            case ChannelMessage.UpdateProposal update -> {
                out.writeByte(UPDATE_PROPOSAL);
                writeProposal(update.proposal(), out);
            }
            case ChannelMessage.Accept accept -> out.writeByte(ACCEPT)
                    .writeBytes(accept.channelId().bytes())
                    .writeLong(accept.nonce())
                    .writeBytes(accept.signature().bytes());
            case ChannelMessage.Refuse refuse -> {
                byte[] text = truncatedUtf8(refuse.message());
                out.writeByte(REFUSE)
                        .writeBytes(refuse.channelId().bytes())
                        .writeLong(refuse.nonce())
                        .writeBytes(refuse.proposalDigest().bytes())
                        .writeByte(refuse.reason())
                        .writeShort(text.length)
                        .writeBytes(text);
            }
            case ChannelMessage.Durable durable -> out.writeByte(DURABLE)
                    .writeBytes(durable.channelId().bytes())
                    .writeLong(durable.nonce());
            case ChannelMessage.Heartbeat heartbeat -> out.writeByte(HEARTBEAT);
            case ChannelMessage.Sync sync -> {
                if (sync.states().size() > MAX_SYNC_STATES) {
                    throw new IllegalArgumentException("a SYNC frame carries at most " + MAX_SYNC_STATES + " states");
                }
                out.writeByte(SYNC).writeByte((sync.reply() ? 1 : 0) | (sync.last() ? 0 : 2)).writeShort(sync.states().size());
                sync.states().forEach(state -> out.writeBytes(SignedChannelStateCodec.encode(state)));
            }
        }
    }

    /** Reads one whole frame; every byte must belong to the message. */
    public static ChannelMessage decode(ByteBuf in) throws MalformedMessageException {
        if (!in.isReadable()) {
            throw new MalformedMessageException("empty frame");
        }
        int type = in.readUnsignedByte();
        try {
            ChannelMessage message = switch (type) {
                case OPEN_PROPOSAL -> new ChannelMessage.OpenProposal(in.readLong(),
                        AgentAddress.of(take(in, 20)), AgentAddress.of(take(in, 20)), AgentAddress.of(take(in, 20)),
                        Bytes32.of(take(in, 32)), readProposal(in));
                case UPDATE_PROPOSAL -> new ChannelMessage.UpdateProposal(readProposal(in));
                case ACCEPT -> readAccept(in);
                case REFUSE -> readRefuse(in);
                case SYNC -> readSync(in);
                case DURABLE -> new ChannelMessage.Durable(channelId(in), nonce(in));
                case HEARTBEAT -> ChannelMessage.Heartbeat.INSTANCE;
                default -> throw new MalformedMessageException("unknown message type " + type);
            };
            if (in.isReadable()) {
                throw new MalformedMessageException("message type " + type + " has " + in.readableBytes()
                        + " trailing bytes");
            }
            return message;
        } catch (IndexOutOfBoundsException e) {
            throw new MalformedMessageException("message type " + type + " is truncated");
        } catch (IllegalArgumentException e) {
            // the protocol's value types reject what is not canonical (signatures, balances, nonces)
            throw new MalformedMessageException("message type " + type + ": " + e.getMessage());
        }
    }

    private static void writeProposal(StateProposal proposal, ByteBuf out) {
        byte[] state = new byte[STATE_BYTES];
        SignedChannelStateCodec.writeState(proposal.state(), state);
        out.writeBytes(state).writeBytes(proposal.proposerSignature().bytes());
    }

    private static ChannelMessage.Accept readAccept(ByteBuf in) throws MalformedMessageException {
        if (in.readableBytes() == 32 + 8 + Signature.LENGTH) {
            throw new MalformedMessageException("ACCEPT carries a 65-byte signature" + OLD_PEER);
        }
        return new ChannelMessage.Accept(channelId(in), nonce(in), CompactSignature.of(take(in, CompactSignature.LENGTH)));
    }

    private static StateProposal readProposal(ByteBuf in) throws MalformedMessageException {
        requireCurrentStateVersion(in, "proposal");
        byte[] canonical = new byte[SignedChannelStateCodec.LENGTH];
        in.readBytes(canonical, 0, PROPOSAL_BYTES);
        refuseOverflowingBalances(canonical);
        // the second slot repeats the first, only so the canonical codec can check the whole thing
        System.arraycopy(canonical, STATE_BYTES, canonical, PROPOSAL_BYTES, CompactSignature.LENGTH);
        SignedChannelState decoded = SignedChannelStateCodec.decode(canonical);
        return new StateProposal(decoded.state(), decoded.signatureA());
    }

    /** Offsets as in {@link SignedChannelStateCodec}: channelId at 1, nonce at 33, balances at 41 and 73. */
    private static void refuseOverflowingBalances(byte[] canonical) throws MalformedMessageException {
        BigInteger balanceA = new BigInteger(1, Arrays.copyOfRange(canonical, 41, 73));
        BigInteger balanceB = new BigInteger(1, Arrays.copyOfRange(canonical, 73, 105));
        long nonce = ByteBuffer.wrap(canonical, 33, 8).getLong();
        if (balanceA.add(balanceB).compareTo(Wei.MAX) > 0 && nonce >= 0) {
            ChannelId channelId = new ChannelId(Bytes32.of(Arrays.copyOfRange(canonical, 1, 33)));
            throw MalformedMessageException.balanceOverflow(channelId, nonce);
        }
    }

    private static ChannelMessage.Refuse readRefuse(ByteBuf in) throws MalformedMessageException {
        ChannelId channelId = channelId(in);
        long nonce = in.readLong();
        Bytes32 digest = Bytes32.of(take(in, 32));
        int reason = in.readUnsignedByte();
        int length = in.readUnsignedShort();
        if (length > MAX_REFUSE_MESSAGE_BYTES) {
            throw new MalformedMessageException("refusal message of " + length + " bytes is longer than "
                    + MAX_REFUSE_MESSAGE_BYTES);
        }
        return new ChannelMessage.Refuse(channelId, nonce, digest, reason,
                new String(take(in, length), StandardCharsets.UTF_8));
    }

    private static ChannelMessage.Sync readSync(ByteBuf in) throws MalformedMessageException {
        int flags = in.readUnsignedByte();
        if (flags > 3) {
            throw new MalformedMessageException("SYNC flags must be 0 to 3, got " + flags);
        }
        int count = in.readUnsignedShort();
        if (count > MAX_SYNC_STATES) {
            throw new MalformedMessageException("SYNC carries " + count + " states, at most " + MAX_SYNC_STATES);
        }
        List<SignedChannelState> states = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requireCurrentStateVersion(in, "SYNC state");
            states.add(SignedChannelStateCodec.decode(take(in, SignedChannelStateCodec.LENGTH)));
        }
        return new ChannelMessage.Sync((flags & 1) != 0, (flags & 2) == 0, states);
    }

    /** A state's first byte is its codec version; only the current one is spoken on the wire. */
    private static void requireCurrentStateVersion(ByteBuf in, String what) throws MalformedMessageException {
        int version = in.getUnsignedByte(in.readerIndex()); // throws IndexOutOfBounds when truncated, as reads do
        if (version == SignedChannelStateCodec.VERSION_1) {
            throw new MalformedMessageException(what + " is in channel state version 1" + OLD_PEER);
        }
        if (version != SignedChannelStateCodec.VERSION) {
            throw new MalformedMessageException(what + " is in unknown channel state version " + version
                    + " (this node speaks " + SignedChannelStateCodec.VERSION + ")");
        }
    }

    private static ChannelId channelId(ByteBuf in) {
        return new ChannelId(Bytes32.of(take(in, 32)));
    }

    private static long nonce(ByteBuf in) {
        long nonce = in.readLong();
        if (nonce < 0) {
            throw new IllegalArgumentException("nonce is 2^63 or above");
        }
        return nonce;
    }

    private static byte[] take(ByteBuf in, int length) {
        byte[] out = new byte[length];
        in.readBytes(out);
        return out;
    }

    private static byte[] truncatedUtf8(String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        return bytes.length <= MAX_REFUSE_MESSAGE_BYTES ? bytes : Arrays.copyOf(bytes, MAX_REFUSE_MESSAGE_BYTES);
    }
}
