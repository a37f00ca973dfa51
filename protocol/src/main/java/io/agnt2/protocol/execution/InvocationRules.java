package io.agnt2.protocol.execution;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.execution.TransitionRejection.Reason;
import io.agnt2.protocol.interaction.CapabilityId;
import io.agnt2.protocol.interaction.Compose;
import io.agnt2.protocol.interaction.InvocationId;
import io.agnt2.protocol.interaction.Invoke;
import io.agnt2.protocol.interaction.Rate;
import io.agnt2.protocol.interaction.Respond;
import io.agnt2.protocol.state.AgentRecord;
import io.agnt2.protocol.state.Invocation;
import io.agnt2.protocol.state.InvocationStatus;
import io.agnt2.protocol.state.Session;
import io.agnt2.protocol.value.Wei;

import java.util.HashSet;

/**
 * INVOKE, COMPOSE, RESPOND and RATE: one workflow step from escrow to feedback. The invocation and its
 * escrow live on the caller's record, so opening one never writes the callee (decision 0005).
 */
final class InvocationRules {

    private InvocationRules() {
    }

    static Effect invoke(StateView state, Invoke invoke, InvocationId id, BlockContext block) throws TransitionRejection {
        return escrow(state, invoke.caller(), invoke.callee(), invoke.capability(), invoke.maxPrice(),
                invoke.useSession(), id, block);
    }

    /** Fan-in: every input must be one of the caller's own answered invocations (RESPONDED, or RATED since). */
    static Effect compose(StateView state, Compose compose, InvocationId id, BlockContext block) throws TransitionRejection {
        Checks.require(!compose.inputs().isEmpty(), Reason.INVALID_FIELD, () -> "a compose needs at least one input");
        Checks.require(new HashSet<>(compose.inputs()).size() == compose.inputs().size(), Reason.INVALID_FIELD,
                () -> "a compose names each input once");
        AgentRecord caller = Checks.registered(state, compose.caller());
        for (InvocationId input : compose.inputs()) {
            Invocation invocation = ownInvocation(caller, input);
            Checks.require(invocation.status().isAnswered(), Reason.INVOCATION_NOT_RESPONDED,
                    () -> "input " + input + " has not been answered");
        }
        return escrow(state, compose.caller(), compose.callee(), compose.capability(), compose.maxPrice(), false, id,
                block);
    }

    /** The callee answers in time and is paid the escrow, as a delta on its own balance. */
    static Effect respond(StateView state, Respond respond, BlockContext block) throws TransitionRejection {
        AgentRecord caller = state.find(respond.caller()).orElseThrow(() -> new TransitionRejection(
                Reason.INVOCATION_NOT_FOUND, respond.caller() + " has no invocation " + respond.invocation()));
        Invocation invocation = ownInvocation(caller, respond.invocation());
        Checks.require(invocation.callee().equals(respond.callee()), Reason.WRONG_CALLEE,
                () -> "invocation " + respond.invocation() + " asked " + invocation.callee() + ", not " + respond.callee());
        Checks.require(invocation.status() == InvocationStatus.OPEN, Reason.INVOCATION_NOT_OPEN,
                () -> "invocation " + respond.invocation() + " is " + invocation.status());
        Checks.require(block.blockNumber() <= invocation.expiresAtBlock(), Reason.INVOCATION_EXPIRED,
                () -> "invocation " + respond.invocation() + " expired at block " + invocation.expiresAtBlock());
        state.put(caller.withInvocation(respond.invocation(), invocation.responded(respond.resultHash())));
        state.apply(new Delta.Credit(respond.callee(), invocation.amount()));
        return new Effect(invocation.amount(), respond.invocation());
    }

    /** Feedback once per answered invocation; the score reaches the callee as a reputation delta. */
    static Effect rate(StateView state, Rate rate) throws TransitionRejection {
        Checks.require(rate.score() >= Rate.MIN_SCORE && rate.score() <= Rate.MAX_SCORE, Reason.INVALID_FIELD,
                () -> "score must be in " + Rate.MIN_SCORE + ".." + Rate.MAX_SCORE + ", got " + rate.score());
        AgentRecord caller = Checks.registered(state, rate.caller());
        Invocation invocation = ownInvocation(caller, rate.invocation());
        Checks.require(invocation.callee().equals(rate.callee()), Reason.WRONG_CALLEE,
                () -> "invocation " + rate.invocation() + " asked " + invocation.callee() + ", not " + rate.callee());
        Checks.require(invocation.status() != InvocationStatus.RATED, Reason.ALREADY_RATED,
                () -> "invocation " + rate.invocation() + " is already rated");
        Checks.require(invocation.status() == InvocationStatus.RESPONDED, Reason.INVOCATION_NOT_RESPONDED,
                () -> "invocation " + rate.invocation() + " has not been answered");
        state.put(caller.withInvocation(rate.invocation(), invocation.rated()));
        state.apply(new Delta.ReputationIncrement(rate.callee(), rate.score()));
        return new Effect(Wei.ZERO, rate.invocation());
    }

    /**
     * Takes the callee's current price (refused above the caller's maximum) out of the caller's balance,
     * or out of its session with the callee, and records it as an OPEN invocation under {@code id}.
     */
    private static Effect escrow(StateView state, AgentAddress callerAddress, AgentAddress calleeAddress,
                                 CapabilityId capability, Wei maxPrice, boolean fromSession, InvocationId id,
                                 BlockContext block) throws TransitionRejection {
        Checks.requireDistinct(callerAddress, calleeAddress, "an invocation's caller and callee");
        AgentRecord callee = Checks.registered(state, calleeAddress);
        Wei price = callee.capabilities().get(capability);
        Checks.require(price != null, Reason.UNKNOWN_CAPABILITY, () -> calleeAddress + " does not offer " + capability);
        Checks.require(price.compareTo(maxPrice) <= 0, Reason.PRICE_ABOVE_MAX,
                () -> capability + " costs " + price + ", above the maximum " + maxPrice);
        AgentRecord caller = Checks.registered(state, callerAddress);
        AgentRecord paid;
        if (fromSession) {
            Session session = caller.sessions().get(calleeAddress);
            Checks.require(session != null, Reason.SESSION_NOT_FOUND,
                    () -> callerAddress + " has no session with " + calleeAddress);
            Checks.require(session.isActiveAt(block.blockNumber()), Reason.SESSION_EXPIRED,
                    () -> "session with " + calleeAddress + " expired at block " + session.expiresAtBlock());
            Checks.require(session.remaining().compareTo(price) >= 0, Reason.SESSION_OVER_BUDGET,
                    () -> "session with " + calleeAddress + " has " + session.remaining() + " left, less than " + price);
            paid = caller.withSession(calleeAddress, session.spend(price));
        } else {
            Checks.requireFunds(caller, price);
            paid = caller.withBalance(caller.balance().minus(price));
        }
        long expiry = Math.addExact(block.blockNumber(), block.parameters().invocationTimeoutBlocks());
        state.put(paid.withInvocation(id, Invocation.open(calleeAddress, capability, price, expiry)));
        return new Effect(price, id);
    }

    private static Invocation ownInvocation(AgentRecord caller, InvocationId id) throws TransitionRejection {
        Invocation invocation = caller.invocations().get(id);
        Checks.require(invocation != null, Reason.INVOCATION_NOT_FOUND, () -> caller.address() + " has no invocation " + id);
        return invocation;
    }
}
