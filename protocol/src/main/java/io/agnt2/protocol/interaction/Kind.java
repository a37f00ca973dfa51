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
    REGISTER(1, Register.TYPE, Register::fromMessage),
    TRANSFER(2, Transfer.TYPE, Transfer::fromMessage),
    CAPABILITY(3, Capability.TYPE, Capability::fromMessage),
    INVOKE(4, Invoke.TYPE, Invoke::fromMessage),
    RESPOND(5, Respond.TYPE, Respond::fromMessage),
    COMPOSE(6, Compose.TYPE, Compose::fromMessage),
    RATE(7, Rate.TYPE, Rate::fromMessage),
    SESSION_OPEN(8, SessionOpen.TYPE, SessionOpen::fromMessage),
    SESSION_CLOSE(9, SessionClose.TYPE, SessionClose::fromMessage),
    /** Comes from the L1 bridge, never from an agent's key: see {@link #isAgentSigned()}. */
    DEPOSIT(10, Deposit.TYPE, Deposit::fromMessage),
    WITHDRAW(11, Withdraw.TYPE, Withdraw::fromMessage);

    private final int code;
    private final Eip712Type eip712Type;
    private final Function<Eip712Message, Interaction> fromMessage;

    Kind(int code, Eip712Type eip712Type, Function<Eip712Message, Interaction> fromMessage) {
        this.code = code;
        this.eip712Type = eip712Type;
        this.fromMessage = fromMessage;
    }

    /** The wire code, 1..11. */
    public int code() {
        return code;
    }

    /** The EIP-712 struct type a wallet signs for this kind. */
    public Eip712Type eip712Type() {
        return eip712Type;
    }

    /**
     * False only for DEPOSIT: its authority is the L1 bridge's deposit queue, so it carries no signature
     * and no agent's nonce, and no client may submit one.
     */
    public boolean isAgentSigned() {
        return this != DEPOSIT;
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
