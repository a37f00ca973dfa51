package io.agnt2.protocol.execution;

import io.agnt2.protocol.execution.TransitionRejection.Reason;
import io.agnt2.protocol.interaction.Capability;
import io.agnt2.protocol.interaction.ChannelClose;
import io.agnt2.protocol.interaction.ChannelOpen;
import io.agnt2.protocol.interaction.Compose;
import io.agnt2.protocol.interaction.Deposit;
import io.agnt2.protocol.interaction.Interaction;
import io.agnt2.protocol.interaction.InvocationId;
import io.agnt2.protocol.interaction.Invoke;
import io.agnt2.protocol.interaction.Rate;
import io.agnt2.protocol.interaction.Register;
import io.agnt2.protocol.interaction.Respond;
import io.agnt2.protocol.interaction.SessionClose;
import io.agnt2.protocol.interaction.SessionOpen;
import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.interaction.Transfer;
import io.agnt2.protocol.interaction.Withdraw;
import io.agnt2.protocol.value.Bytes32;

/**
 * The rollup's state transition, a pure function of (records, interaction, block): the sequencer runs it
 * to build blocks and the L1 challenger re-runs it to dispute one. Decision 0005 has the rules per kind.
 *
 * <p>Two guarantees hold for every kind. A refused interaction changes nothing: its changes are held
 * back ({@link PendingChanges}) and dropped. And it touches only the records its fields declare
 * ({@link KeyAccess}): the rules run behind an {@link EnforcingStateView}, so a rule that reaches
 * further is refused instead of run.
 */
public final class StateTransition {

    private StateTransition() {
    }

    /**
     * Checks the signature, then applies. A DEPOSIT or a channel's L1 event has none: only the sequencer's
     * derivation from L1 may hand one in; client input must have been refused earlier by
     * {@link SignedInteraction#isSignedBySigner}, which is false for every such kind.
     */
    public static Receipt apply(StateView state, SignedInteraction signed, BlockContext block) throws TransitionRejection {
        Interaction interaction = signed.interaction();
        if (interaction.kind().isAgentSigned() && !signed.isSignedBySigner(block.parameters().domain())) {
            throw new TransitionRejection(Reason.BAD_SIGNATURE,
                    "the " + interaction.kind() + " is not signed by " + interaction.signer());
        }
        return apply(state, interaction, block);
    }

    /** Applies an interaction whose signature the caller has already checked. */
    public static Receipt apply(StateView state, Interaction interaction, BlockContext block) throws TransitionRejection {
        return apply(state, interaction, KeyAccess.of(interaction), block);
    }

    /** Like {@link #apply(StateView, Interaction, BlockContext)}, but a refusal becomes a failed receipt. */
    public static Receipt execute(StateView state, Interaction interaction, BlockContext block) {
        try {
            return apply(state, interaction, block);
        } catch (TransitionRejection rejection) {
            return Receipt.failed(hash(interaction, block), interaction.kind(), rejection.reason());
        }
    }

    /**
     * Applies an interaction whose signature the caller has already checked, with its digest and access
     * declaration computed beforehand: the same result as {@link #apply(StateView, Interaction, BlockContext)}.
     *
     * @throws IllegalArgumentException if {@code prepared} was computed under another domain than the block's
     */
    public static Receipt apply(StateView state, PreparedInteraction prepared, BlockContext block)
            throws TransitionRejection {
        requireDomain(prepared, block);
        return apply(state, prepared.interaction(), prepared.access(), prepared.digest(), block);
    }

    /** Like {@link #apply(StateView, PreparedInteraction, BlockContext)}, but a refusal becomes a failed receipt. */
    public static Receipt execute(StateView state, PreparedInteraction prepared, BlockContext block) {
        requireDomain(prepared, block);
        try {
            return apply(state, prepared.interaction(), prepared.access(), prepared.digest(), block);
        } catch (TransitionRejection rejection) {
            return Receipt.failed(prepared.digest(), prepared.interaction().kind(), rejection.reason());
        }
    }

    /** With the access declaration given, so that a test can make it wrong. */
    static Receipt apply(StateView state, Interaction interaction, KeyAccess declared, BlockContext block)
            throws TransitionRejection {
        return apply(state, interaction, declared, hash(interaction, block), block);
    }

    private static Receipt apply(StateView state, Interaction interaction, KeyAccess declared, Bytes32 hash,
                                 BlockContext block) throws TransitionRejection {
        PendingChanges pending = new PendingChanges(state);
        StateView guarded = new EnforcingStateView(pending, declared);
        Effect effect;
        try {
            SignerRules.check(guarded, interaction);
            effect = rule(guarded, interaction, new InvocationId(hash), block);
            SignerRules.consumeNonce(guarded, interaction);
        } catch (UndeclaredKeyAccess undeclared) {
            throw new TransitionRejection(Reason.UNDECLARED_KEY_ACCESS, undeclared.getMessage());
        } catch (ArithmeticException overflow) {
            // Only a sum above 2^256 - 1 gets here (balances are checked before every debit); total value is
            // bounded by what L1 bridged in, so this is a refusal of absurd fields, not a reachable state.
            throw new TransitionRejection(Reason.INVALID_FIELD, overflow.getMessage());
        }
        pending.commit();
        return new Receipt(hash, interaction.kind(), null, effect.amount(), effect.invocation());
    }

    private static Effect rule(StateView state, Interaction interaction, InvocationId id, BlockContext block)
            throws TransitionRejection {
        return switch (interaction) {
            case Register r -> IdentityRules.register(state, r, block);
            case Capability c -> IdentityRules.capability(state, c);
            case Transfer t -> ValueRules.transfer(state, t);
            case Invoke i -> InvocationRules.invoke(state, i, id, block);
            case Respond r -> InvocationRules.respond(state, r, block);
            case Compose c -> InvocationRules.compose(state, c, id, block);
            case Rate r -> InvocationRules.rate(state, r);
            case SessionOpen s -> SessionRules.open(state, s, block);
            case SessionClose s -> SessionRules.close(state, s);
            case Deposit d -> ValueRules.deposit(state, d);
            case Withdraw w -> ValueRules.withdraw(state, w);
            case ChannelOpen o -> ChannelRules.open(state, o, block);
            case ChannelClose c -> ChannelRules.close(state, c);
        };
    }

    private static void requireDomain(PreparedInteraction prepared, BlockContext block) {
        if (prepared.domain() != block.parameters().domain() && !prepared.domain().equals(block.parameters().domain())) {
            throw new IllegalArgumentException("the interaction was prepared under " + prepared.domain()
                    + ", the block runs under " + block.parameters().domain());
        }
    }

    private static Bytes32 hash(Interaction interaction, BlockContext block) {
        return Bytes32.of(SignedInteraction.digest(interaction, block.parameters().domain()));
    }
}
