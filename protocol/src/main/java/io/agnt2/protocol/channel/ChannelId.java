package io.agnt2.protocol.channel;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.crypto.Keccak;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Wei;

import java.util.Objects;

/**
 * A channel's 32-byte id: keccak256(abi.encode(chainId, adjudicator, participantA, participantB, salt)),
 * exactly what {@code ChannelAdjudicator.channelIdOf} computes. Both sides can compute it before the
 * channel exists on L1 (so they can co-sign its nonce-0 state first), and it differs per chain,
 * adjudicator, ordered pair and salt, so a state signed for one channel never fits another.
 */
public record ChannelId(Bytes32 value) implements Comparable<ChannelId> {

    public ChannelId {
        Objects.requireNonNull(value, "channel id");
    }

    public static ChannelId derive(long chainId, AgentAddress adjudicator, AgentAddress participantA,
                                   AgentAddress participantB, Bytes32 salt) {
        if (chainId <= 0) {
            throw new IllegalArgumentException("chain id must be positive, got " + chainId);
        }
        if (participantA.equals(participantB)) {
            throw new IllegalArgumentException("a channel needs two different participants, got " + participantA + " twice");
        }
        return new ChannelId(Bytes32.of(Keccak.keccak256(
                Wei.of(chainId).toBytes32(), word(adjudicator), word(participantA), word(participantB), salt.bytes())));
    }

    public static ChannelId fromHex(String hex) {
        return new ChannelId(Bytes32.fromHex(hex));
    }

    public byte[] bytes() {
        return value.bytes();
    }

    /** An address as an ABI word: 12 zero bytes, then its 20 bytes. */
    private static byte[] word(AgentAddress address) {
        byte[] word = new byte[32];
        System.arraycopy(address.bytes(), 0, word, 12, AgentAddress.LENGTH);
        return word;
    }

    /** Unsigned byte order, as records sort their channels for hashing. */
    @Override
    public int compareTo(ChannelId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
