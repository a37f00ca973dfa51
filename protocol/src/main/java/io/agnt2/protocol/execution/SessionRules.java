package io.agnt2.protocol.execution;

import io.agnt2.protocol.execution.TransitionRejection.Reason;
import io.agnt2.protocol.interaction.SessionClose;
import io.agnt2.protocol.interaction.SessionOpen;
import io.agnt2.protocol.state.AgentRecord;
import io.agnt2.protocol.state.Session;
import io.agnt2.protocol.value.Wei;

/** SESSION_OPEN and SESSION_CLOSE: budget a caller sets aside for one counterparty. */
final class SessionRules {

    private SessionRules() {
    }

    static Effect open(StateView state, SessionOpen open, BlockContext block) throws TransitionRejection {
        Checks.requireDistinct(open.caller(), open.counterparty(), "a session's caller and counterparty");
        Checks.require(!open.budget().isZero(), Reason.INVALID_FIELD, () -> "a session needs a budget above 0");
        Checks.require(open.expiresAtBlock() >= block.blockNumber(), Reason.INVALID_FIELD,
                () -> "session would expire at block " + open.expiresAtBlock() + ", before block " + block.blockNumber());
        Checks.registered(state, open.counterparty());
        AgentRecord caller = Checks.registered(state, open.caller());
        Checks.require(!caller.sessions().containsKey(open.counterparty()), Reason.SESSION_EXISTS,
                () -> caller.address() + " already has a session with " + open.counterparty());
        Checks.requireFunds(caller, open.budget());
        state.put(caller.withBalance(caller.balance().minus(open.budget()))
                .withSession(open.counterparty(), new Session(open.budget(), Wei.ZERO, open.expiresAtBlock())));
        return Effect.moved(open.budget());
    }

    /** Allowed before or after expiry: the unspent budget is the caller's either way. */
    static Effect close(StateView state, SessionClose close) throws TransitionRejection {
        AgentRecord caller = Checks.registered(state, close.caller());
        Session session = caller.sessions().get(close.counterparty());
        Checks.require(session != null, Reason.SESSION_NOT_FOUND,
                () -> caller.address() + " has no session with " + close.counterparty());
        Wei unspent = session.remaining();
        state.put(caller.withoutSession(close.counterparty()).withBalance(caller.balance().plus(unspent)));
        return Effect.moved(unspent);
    }
}
