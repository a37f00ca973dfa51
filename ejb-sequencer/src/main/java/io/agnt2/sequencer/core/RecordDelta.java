package io.agnt2.sequencer.core;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.execution.Delta;
import io.agnt2.protocol.state.AgentRecord;
import io.agnt2.protocol.value.Wei;

/**
 * The merged form of any number of protocol {@link Delta}s to one agent's record: a total credit and a
 * total of ratings. The parallel executor merges the deltas of concurrent tasks in whatever order they
 * finish, so the merge must be exact and order-free; sums of integers are, and applying the sums equals
 * applying each delta in turn ({@code Reputation.plus} adds one score and one rating).
 *
 * @param agent    whose record (a delta to a missing record creates it, as {@link Delta#applyTo} does)
 * @param credit   added to the balance
 * @param scoreSum added to the reputation's score sum
 * @param ratings  added to the reputation's rating count
 */
record RecordDelta(AgentAddress agent, Wei credit, long scoreSum, long ratings) {

    static RecordDelta of(Delta delta) {
        return switch (delta) {
            case Delta.Credit credit -> new RecordDelta(credit.agent(), credit.amount(), 0, 0);
            case Delta.ReputationIncrement increment ->
                    new RecordDelta(increment.agent(), Wei.ZERO, increment.score(), 1);
        };
    }

    RecordDelta plus(RecordDelta other) {
        if (!agent.equals(other.agent)) {
            throw new IllegalArgumentException("deltas to " + agent + " and " + other.agent + " do not merge");
        }
        return new RecordDelta(agent, credit.plus(other.credit), Math.addExact(scoreSum, other.scoreSum),
                Math.addExact(ratings, other.ratings));
    }

    /** {@code current} with the sums applied; null stands for no record yet, as in {@link Delta#applyTo}. */
    AgentRecord applyTo(AgentRecord current) {
        AgentRecord base = current == null ? AgentRecord.empty(agent) : current;
        if (!credit.isZero()) {
            base = base.withBalance(base.balance().plus(credit));
        }
        if (ratings != 0) {
            base = base.withReputation(base.reputation().plusRatings(scoreSum, ratings));
        }
        return base;
    }
}
