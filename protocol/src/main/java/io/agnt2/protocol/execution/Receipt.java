package io.agnt2.protocol.execution;

import io.agnt2.protocol.interaction.InvocationId;
import io.agnt2.protocol.interaction.Kind;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Wei;

import java.util.Objects;
import java.util.Optional;

/**
 * What executing one interaction did.
 *
 * @param interactionHash its EIP-712 digest, its id in the API
 * @param failure         null on success, else why it was refused (then it changed nothing)
 * @param amount          the value it moved: REGISTER the grant, TRANSFER/DEPOSIT/WITHDRAW the amount,
 *                        INVOKE/COMPOSE the escrow, RESPOND the escrow released, SESSION_OPEN the budget
 *                        locked, SESSION_CLOSE the budget returned; zero for CAPABILITY, RATE and failures
 * @param invocation      the invocation an INVOKE/COMPOSE opened or a RESPOND/RATE acted on, else null
 */
public record Receipt(Bytes32 interactionHash, Kind kind, TransitionRejection.Reason failure, Wei amount,
                      InvocationId invocation) {

    public static final String SUCCESS = "SUCCESS";

    public Receipt {
        Objects.requireNonNull(interactionHash, "interactionHash");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
    }

    static Receipt failed(Bytes32 interactionHash, Kind kind, TransitionRejection.Reason failure) {
        return new Receipt(interactionHash, kind, Objects.requireNonNull(failure, "failure"), Wei.ZERO, null);
    }

    public boolean succeeded() {
        return failure == null;
    }

    /** {@link #SUCCESS} or the failure's stable {@link TransitionRejection.Reason#code() code}. */
    public String status() {
        return failure == null ? SUCCESS : failure.code();
    }

    public Optional<InvocationId> invocationId() {
        return Optional.ofNullable(invocation);
    }
}
