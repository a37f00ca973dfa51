package io.agnt2.protocol.interaction;

import io.agnt2.protocol.eip712.Eip712Domain;
import io.agnt2.protocol.value.Bytes32;

import java.util.Objects;

/**
 * Names one invocation: the EIP-712 digest of the INVOKE or COMPOSE that opened it. A client knows it
 * before submitting (it is the interaction's hash), and two invocations cannot share it, since the
 * caller's nonce is part of the digest.
 */
public record InvocationId(Bytes32 value) implements Comparable<InvocationId> {

    public InvocationId {
        Objects.requireNonNull(value, "invocation id");
    }

    /** The id of the invocation that {@code opening} (an INVOKE or COMPOSE) opens under {@code domain}. */
    public static InvocationId of(Interaction opening, Eip712Domain domain) {
        if (opening.kind() != Kind.INVOKE && opening.kind() != Kind.COMPOSE) {
            throw new IllegalArgumentException("only INVOKE and COMPOSE open invocations, not " + opening.kind());
        }
        return new InvocationId(Bytes32.of(SignedInteraction.digest(opening, domain)));
    }

    public static InvocationId fromHex(String hex) {
        return new InvocationId(Bytes32.fromHex(hex));
    }

    @Override
    public int compareTo(InvocationId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
