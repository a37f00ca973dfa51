package io.agnt2.protocol.interaction;

import io.agnt2.protocol.eip712.Eip712Message;
import io.agnt2.protocol.eip712.Eip712Type;

import java.util.Arrays;
import java.util.function.Function;

/**
 * What an interaction does. The names are the API's {@code kind} values; the codes are the wire's kind
 * byte (decision 0005), fixed forever and independent of the declaration order.
 */
public enum Kind {
    REGISTER(1, Register.TYPE, Register::fromMessage, true),
    TRANSFER(2, Transfer.TYPE, Transfer::fromMessage, true),
    CAPABILITY(3, Capability.TYPE, Capability::fromMessage, true),
    INVOKE(4, Invoke.TYPE, Invoke::fromMessage, true),
    RESPOND(5, Respond.TYPE, Respond::fromMessage, true),
    COMPOSE(6, Compose.TYPE, Compose::fromMessage, true),
    RATE(7, Rate.TYPE, Rate::fromMessage, true),
    SESSION_OPEN(8, SessionOpen.TYPE, SessionOpen::fromMessage, true),
    SESSION_CLOSE(9, SessionClose.TYPE, SessionClose::fromMessage, true),
    /** Comes from the L1 bridge, never from an agent's key: see {@link #isAgentSigned()}. */
    DEPOSIT(10, Deposit.TYPE, Deposit::fromMessage, false),
    WITHDRAW(11, Withdraw.TYPE, Withdraw::fromMessage, true),
    /** Comes from the channel adjudicator's events on L1: see {@link #isAgentSigned()}. */
    CHANNEL_OPEN(12, ChannelOpen.TYPE, ChannelOpen::fromMessage, false),
    /** Comes from the channel adjudicator's events on L1: see {@link #isAgentSigned()}. */
    CHANNEL_CLOSE(13, ChannelClose.TYPE, ChannelClose::fromMessage, false);

    private final int code;
    private final Eip712Type eip712Type;
    private final Function<Eip712Message, Interaction> fromMessage;
    private final boolean agentSigned;

    Kind(int code, Eip712Type eip712Type, Function<Eip712Message, Interaction> fromMessage, boolean agentSigned) {
        this.code = code;
        this.eip712Type = eip712Type;
        this.fromMessage = fromMessage;
        this.agentSigned = agentSigned;
    }

    /** The wire code, 1..13. */
    public int code() {
        return code;
    }

    /** The EIP-712 struct type a wallet signs for this kind. */
    public Eip712Type eip712Type() {
        return eip712Type;
    }

    /**
     * False for the kinds L1 vouches for: DEPOSIT (the bridge's deposit queue) and CHANNEL_OPEN /
     * CHANNEL_CLOSE (the channel adjudicator's events). They carry no signature and no agent's nonce,
     * and no client may submit one.
     */
    public boolean isAgentSigned() {
        return agentSigned;
    }

    /** Builds this kind's interaction from its EIP-712 field values (the codec's and the gateway's path). */
    public Interaction fromMessage(Eip712Message message) {
        if (message.type() != eip712Type) {
            throw new IllegalArgumentException("a " + message.type().name() + " message is not a " + this);
        }
        return fromMessage.apply(message);
    }

    /** @throws IllegalArgumentException for a code no kind has */
    public static Kind fromCode(int code) {
        for (Kind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown interaction kind code " + code + " (known: 1.." + values().length + ")");
    }

    /** @throws IllegalArgumentException naming the accepted kinds */
    public static Kind parse(String name) {
        for (Kind kind : values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown interaction kind \"" + name + "\"; expected one of "
                + Arrays.toString(values()));
    }
}
