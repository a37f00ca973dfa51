package io.agnt2.protocol.execution;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.state.AgentRecord;
import io.agnt2.protocol.value.Wei;

import java.util.Objects;

/**
 * A blind, commutative change to a record: an operation, not a read-modify-write, so an executor can
 * merge the deltas of parallel interactions in any order and get the sequential result. Applied to an
 * address with no record, it starts from {@link AgentRecord#empty}: value may reach an agent before it
 * registers. A credit cannot overflow uint256 in a reachable state: all value was bridged in from L1
 * (or granted at registration), far below 2^256, so the commit of a delta has nothing to refuse.
 */
public sealed interface Delta {

    AgentAddress agent();

    /** {@code current} with this delta applied; null stands for no record yet. */
    AgentRecord applyTo(AgentRecord current);

    /** Adds value to a balance: a transfer's receiver, a released escrow, a deposit. */
    record Credit(AgentAddress agent, Wei amount) implements Delta {

        public Credit {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(amount, "amount");
        }

        @Override
        public AgentRecord applyTo(AgentRecord current) {
            AgentRecord base = current == null ? AgentRecord.empty(agent) : current;
            return base.withBalance(base.balance().plus(amount));
        }
    }

    /** Adds one rating of {@code score} to an agent's reputation. */
    record ReputationIncrement(AgentAddress agent, int score) implements Delta {

        public ReputationIncrement {
            Objects.requireNonNull(agent, "agent");
        }

        @Override
        public AgentRecord applyTo(AgentRecord current) {
            AgentRecord base = current == null ? AgentRecord.empty(agent) : current;
            return base.withReputation(base.reputation().plus(score));
        }
    }
}
