package io.agnt2.protocol.channel;

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
 *   0     1   version, 1
 *   1    32   channelId
 *  33     8   nonce, big-endian, below 2^63
 *  41    32   balanceA, uint256 big-endian
 *  73    32   balanceB, uint256 big-endian
 * 105    32   appStateHash
 * 137    65   signature of A: r(32) s(32) v(1, 27 or 28), low-s
 * 202    65   signature of B: same
 * 267         end
 * </pre>
 *
 * Fixed-width balances cost a few bytes over a minimal form but make the layout the ABI's word layout,
 * and 267 bytes per update is far below what a P2P frame carries.
 */
public final class SignedChannelStateCodec {

    public static final int VERSION = 1;
    public static final int LENGTH = 1 + 32 + 8 + 32 + 32 + 32 + Signature.LENGTH + Signature.LENGTH;

    private SignedChannelStateCodec() {
    }

    public static byte[] encode(SignedChannelState signed) {
        ChannelState state = signed.state();
        return ByteBuffer.allocate(LENGTH)
                .put((byte) VERSION)
                .put(state.channelId().bytes())
                .putLong(state.nonce())
                .put(state.balanceA().toBytes32())
                .put(state.balanceB().toBytes32())
                .put(state.appStateHash().bytes())
                .put(signed.signatureA().toBytes())
                .put(signed.signatureB().toBytes())
                .array();
    }

    /** @throws MalformedChannelStateException unless {@code encoded} is exactly one canonical encoding */
    public static SignedChannelState decode(byte[] encoded) {
        if (encoded == null) {
            throw new MalformedChannelStateException("malformed channel state: null");
        }
        if (encoded.length != LENGTH) {
            throw new MalformedChannelStateException("malformed channel state: must be " + LENGTH + " bytes, got "
                    + encoded.length);
        }
        ByteBuffer in = ByteBuffer.wrap(encoded);
        int version = in.get() & 0xff;
        if (version != VERSION) {
            throw new MalformedChannelStateException("malformed channel state: unknown version " + version
                    + " (this codec reads version " + VERSION + ")");
        }
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
            return new SignedChannelState(state, signature(in, "A"), signature(in, "B"));
        } catch (MalformedChannelStateException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // parsed but invalid: balances whose sum overflows uint256
            throw new MalformedChannelStateException("malformed channel state: " + e.getMessage());
        }
    }

    private static Signature signature(ByteBuffer in, String participant) {
        int offset = in.position();
        try {
            return Signature.fromBytes(take(in, Signature.LENGTH));
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
