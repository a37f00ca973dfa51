package io.agnt2.protocol.channel;

import io.agnt2.protocol.crypto.CompactSignature;
import io.agnt2.protocol.crypto.Signature;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Wei;

import java.math.BigInteger;
import java.nio.ByteBuffer;

/**
 * The canonical binary form of a {@link SignedChannelState}, what the P2P transport and a channel store
 * carry. Fixed width, so every value has exactly one encoding and a reader needs no lengths:
 *
 * <pre>
 * offset size
 *   0     1   version, 2
 *   1    32   channelId
 *  33     8   nonce, big-endian, below 2^63
 *  41    32   balanceA, uint256 big-endian
 *  73    32   balanceB, uint256 big-endian
 * 105    32   appStateHash
 * 137    64   signature of A: r(32) s(32), low-s, no v
 * 201    64   signature of B: same
 * 265         end
 * </pre>
 *
 * Version 1 (267 bytes) carried each signature as r||s||v; decision 0015 dropped {@code v} from what the
 * two sides exchange and keep. {@link #decode} still reads version 1 (a journal written before the
 * change: the v, checked to be 27 or 28, is dropped) and {@link #encode} writes only version 2. The
 * wire refuses version 1 instead (see the channel transport's codec), as a peer that sends it expects
 * version-1 answers.
 *
 * Fixed-width balances cost a few bytes over a minimal form but make the layout the ABI's word layout,
 * and 265 bytes per update is far below what a P2P frame carries.
 */
public final class SignedChannelStateCodec {

    public static final int VERSION = 2;
    public static final int LENGTH = 1 + 32 + 8 + 32 + 32 + 32 + CompactSignature.LENGTH + CompactSignature.LENGTH;
    /** The state without signatures: version, channelId, nonce, balances, appStateHash. */
    public static final int STATE_LENGTH = LENGTH - 2 * CompactSignature.LENGTH;

    /** The layout before decision 0015: signatures of 65 bytes, r||s||v. */
    public static final int VERSION_1 = 1;
    public static final int VERSION_1_LENGTH = STATE_LENGTH + 2 * Signature.LENGTH;

    private SignedChannelStateCodec() {
    }

    public static byte[] encode(SignedChannelState signed) {
        byte[] out = new byte[LENGTH];
        writeState(signed.state(), out);
        signed.signatureA().writeTo(out, STATE_LENGTH);
        signed.signatureB().writeTo(out, STATE_LENGTH + CompactSignature.LENGTH);
        return out;
    }

    /** The first {@link #STATE_LENGTH} bytes of the canonical form (version included) into {@code out}. */
    public static void writeState(ChannelState state, byte[] out) {
        ByteBuffer.wrap(out)
                .put((byte) VERSION)
                .put(state.channelId().bytes())
                .putLong(state.nonce())
                .put(state.balanceA().toBytes32())
                .put(state.balanceB().toBytes32())
                .put(state.appStateHash().bytes());
    }

    /**
     * Reads version 2, and version 1 written before decision 0015.
     *
     * @throws MalformedChannelStateException unless {@code encoded} is exactly one canonical encoding
     */
    public static SignedChannelState decode(byte[] encoded) {
        if (encoded == null) {
            throw new MalformedChannelStateException("malformed channel state: null");
        }
        int version = encoded.length == 0 ? -1 : encoded[0] & 0xff;
        int expected = switch (version) {
            case VERSION -> LENGTH;
            case VERSION_1 -> VERSION_1_LENGTH;
            default -> -1;
        };
        if (expected < 0) {
            if (encoded.length != LENGTH && encoded.length != VERSION_1_LENGTH) {
                throw new MalformedChannelStateException("malformed channel state: must be " + LENGTH + " bytes, got "
                        + encoded.length);
            }
            throw new MalformedChannelStateException("malformed channel state: unknown version " + version
                    + " (this codec reads versions " + VERSION_1 + " and " + VERSION + ")");
        }
        if (encoded.length != expected) {
            throw new MalformedChannelStateException("malformed channel state: version " + version + " must be "
                    + expected + " bytes, got " + encoded.length);
        }
        ByteBuffer in = ByteBuffer.wrap(encoded, 1, encoded.length - 1);
        ChannelId channelId = new ChannelId(Bytes32.of(take(in, 32)));
        long nonce = in.getLong();
        if (nonce < 0) {
            throw new MalformedChannelStateException("malformed channel state at byte 33: nonce is 2^63 or above");
        }
        Wei balanceA = Wei.of(new BigInteger(1, take(in, 32)));
        Wei balanceB = Wei.of(new BigInteger(1, take(in, 32)));
        Bytes32 appStateHash = Bytes32.of(take(in, 32));
        try {
            ChannelState state = new ChannelState(channelId, nonce, balanceA, balanceB, appStateHash);
            return new SignedChannelState(state, signature(in, version, "A"), signature(in, version, "B"));
        } catch (MalformedChannelStateException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // parsed but invalid: balances whose sum overflows uint256
            throw new MalformedChannelStateException("malformed channel state: " + e.getMessage());
        }
    }

    private static CompactSignature signature(ByteBuffer in, int version, String participant) {
        int offset = in.position();
        try {
            return version == VERSION ? CompactSignature.of(take(in, CompactSignature.LENGTH))
                    : Signature.fromBytes(take(in, Signature.LENGTH)).withoutRecoveryId();
        } catch (IllegalArgumentException e) {
            throw new MalformedChannelStateException("malformed channel state at byte " + offset + ": signature of "
                    + participant + ": " + e.getMessage());
        }
    }

    private static byte[] take(ByteBuffer in, int length) {
        byte[] out = new byte[length];
        in.get(out);
        return out;
    }
}
