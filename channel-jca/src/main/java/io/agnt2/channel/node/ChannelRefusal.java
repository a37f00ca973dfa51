package io.agnt2.channel.node;

import io.agnt2.channel.transport.ChannelMessageCodec;

/**
 * Why a node will not sign a proposed channel state. The code travels in REFUSE messages, so codes are
 * stable: add new reasons at the end, never renumber.
 */
public enum ChannelRefusal {
    UNKNOWN_REASON(0, "the peer gave a reason this node does not know"),
    MALFORMED(ChannelMessageCodec.REFUSED_MALFORMED, "the bytes are not a message of the channel protocol"),
    WRONG_NONCE(2, "the nonce must be the latest co-signed nonce + 1"),
    BAD_SIGNATURE(3, "the signature is not the proposing participant's"),
    BALANCE_OVERFLOW(ChannelMessageCodec.REFUSED_BALANCE_OVERFLOW, "the balances sum to more than a uint256"),
    TOTAL_CHANGED(5, "an update must keep balanceA + balanceB equal to the deposits"),
    WRONG_CHANNEL(6, "the channel id is not the one derived from this domain, the participants and the salt"),
    WRONG_CHAIN(7, "the state is signed for another L1 chain"),
    WRONG_ADJUDICATOR(8, "the state is signed for another adjudicator contract"),
    NOT_A_PAYMENT_TO_US(9, "a proposal may only move value to the receiver, never lower its balance"),
    CHANNEL_FINAL(10, "the channel's latest state is final; nothing follows it"),
    UNKNOWN_CHANNEL(11, "this node takes no part in that channel"),
    UNKNOWN_AGENT(12, "the agent is not one this node signs for"),
    CHANNEL_EXISTS(13, "a channel with that id already exists"),
    CONCURRENT_PROPOSAL(14, "both participants proposed the same nonce; participant A's proposal takes precedence"),
    PRECEDING_REFUSED(15, "a proposal before this one on the same channel was refused"),
    INSUFFICIENT_BALANCE(16, "the payer's balance is lower than the amount"),
    LINK_BACKLOG_FULL(17, "too many proposals already wait for the link to the peer to come up; try again once it is up");

    private final int code;
    private final String description;

    ChannelRefusal(int code, String description) {
        this.code = code;
        this.description = description;
    }

    public int code() {
        return code;
    }

    public String description() {
        return description;
    }

    public static ChannelRefusal ofCode(int code) {
        for (ChannelRefusal reason : values()) {
            if (reason.code == code) {
                return reason;
            }
        }
        return UNKNOWN_REASON;
    }
}
