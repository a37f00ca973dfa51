package io.agnt2.channel.transport;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.channel.SignedChannelState;
import io.agnt2.protocol.crypto.CompactSignature;
import io.agnt2.protocol.value.Bytes32;

import java.util.List;
import java.util.Objects;

/** What two channel nodes say to each other; {@link ChannelMessageCodec} gives the bytes. */
public sealed interface ChannelMessage {

    /**
     * Participant A proposes a new channel: its nonce-0 state, signed by A. The domain the opener signs
     * under travels along, so that a peer on another chain or adjudicator can say so instead of only
     * "bad signature".
     */
    record OpenProposal(long chainId, AgentAddress adjudicator, AgentAddress participantA,
                        AgentAddress participantB, Bytes32 salt, StateProposal proposal) implements ChannelMessage {
        public OpenProposal {
            Objects.requireNonNull(adjudicator, "adjudicator");
            Objects.requireNonNull(participantA, "participantA");
            Objects.requireNonNull(participantB, "participantB");
            Objects.requireNonNull(salt, "salt");
            Objects.requireNonNull(proposal, "proposal");
        }
    }

    /** The next state of a channel both sides know, signed by the proposer. */
    record UpdateProposal(StateProposal proposal) implements ChannelMessage {
        public UpdateProposal {
            Objects.requireNonNull(proposal, "proposal");
        }
    }

    /**
     * The receiver's counter-signature of proposal {@code nonce}, sent as soon as it is checked and signed,
     * so that the proposer journals the co-signed state while the receiver does. The receiver says
     * {@link Durable} once the state is on its disk; the proposer completes only after both.
     */
    record Accept(ChannelId channelId, long nonce, CompactSignature signature) implements ChannelMessage {
        public Accept {
            Objects.requireNonNull(channelId, "channelId");
            Objects.requireNonNull(signature, "signature");
        }
    }

    /**
     * The receiver has forced to disk every state of the channel up to {@code nonce} that it counter-signed:
     * the proposer's future for those states may complete once its own journal has them too.
     */
    record Durable(ChannelId channelId, long nonce) implements ChannelMessage {
        public Durable {
            Objects.requireNonNull(channelId, "channelId");
        }
    }

    /** Nothing to say for a while, but alive ({@link LinkLiveness}); carries no bytes. */
    record Heartbeat() implements ChannelMessage {
        public static final Heartbeat INSTANCE = new Heartbeat();
    }

    /**
     * The receiver will not sign proposal {@code nonce}. {@code proposalDigest} is the EIP-712 digest of
     * the refused state, so a proposer that has since proposed another state at that nonce can tell the
     * refusal is not about it (all zero when the bytes could not be read at all).
     */
    record Refuse(ChannelId channelId, long nonce, Bytes32 proposalDigest, int reason, String message)
            implements ChannelMessage {
        public Refuse {
            Objects.requireNonNull(channelId, "channelId");
            Objects.requireNonNull(proposalDigest, "proposalDigest");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * The latest co-signed state of each channel the sender shares with the receiver, sent by the side
     * that connected and answered ({@code reply}) by the other: the side that is behind adopts the newer
     * state once both signatures check out. Many channels take several frames; {@code last} marks the
     * final one, after which the link carries proposals.
     */
    record Sync(boolean reply, boolean last, List<SignedChannelState> states) implements ChannelMessage {
        public Sync {
            states = List.copyOf(states);
        }
    }
}
