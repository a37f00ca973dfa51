package io.agnt2.protocol.interaction;

import io.agnt2.protocol.eip712.Eip712Type;

/** What an interaction does. The names are the API's {@code kind} values. */
public enum Kind {
    REGISTER,
    TRANSFER;

    /** The EIP-712 struct type a wallet signs for this kind. */
    public Eip712Type eip712Type() {
        return switch (this) {
            case REGISTER -> Register.TYPE;
            case TRANSFER -> Transfer.TYPE;
        };
    }

    /** @throws IllegalArgumentException naming the accepted kinds */
    public static Kind parse(String name) {
        for (Kind kind : values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown interaction kind \"" + name + "\"; expected one of "
                + java.util.Arrays.toString(values()));
    }
}
