package io.agnt2.sequencer.core;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.execution.BlockContext;
import io.agnt2.protocol.execution.Receipt;
import io.agnt2.protocol.execution.StateTransition;
import io.agnt2.protocol.execution.TransitionRejection;
import io.agnt2.protocol.state.AgentRecord;
import io.agnt2.protocol.value.Wei;
import io.agnt2.sequencer.domain.parallel.Batch;
import io.agnt2.sequencer.domain.parallel.BlockExecutor;
import io.agnt2.sequencer.domain.parallel.BlockOutcome;
import io.agnt2.sequencer.domain.parallel.TaskOutcome;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a block's interactions through the protocol's state transition on a {@link BlockExecutor}
 * (parallel where their declared records allow, always with the sequential result), against a base
 * state that it only reads. The same code closes a block and replays one after a crash, which is what
 * makes a replayed root comparable with the logged one.
 *
 * <p>A refusal becomes a failed receipt. Acceptance ran the same transition in the same order against
 * the head, so a refusal here means the head and the committed state disagree; it still yields exactly
 * what sequential execution yields, which is what the state root commits to.
 */
final class BlockExecution {

    private final BlockExecutor executor;

    BlockExecution(BlockExecutor executor) {
        this.executor = executor;
    }

    /**
     * @param base reads a committed record (null if none); called on this thread only, before any task runs
     */
    ExecutedBlock execute(List<PendingInteraction> interactions, BlockContext block,
                          Function<AgentAddress, AgentRecord> base) {
        Batch<PendingInteraction, AgentAddress> batch = Batch.of(interactions, PendingInteraction::access);
        BlockOutcome<AgentAddress, AgentRecord, Receipt> outcome = executor.execute(batch, base,
                RecordDeltaAlgebra.INSTANCE,
                (pending, context) -> StateTransition.execute(new TaskStateView(context), pending.prepared(), block));
        List<Receipt> receipts = new ArrayList<>(interactions.size());
        for (int i = 0; i < interactions.size(); i++) {
            receipts.add(receiptOf(outcome.outcomes().get(i), interactions.get(i)));
        }
        return new ExecutedBlock(receipts, outcome.changes());
    }

    /**
     * The transition turns its own refusals into failed receipts; a task fails only if the scheduler's
     * access check refused what the protocol's check let through, i.e. the two declarations disagree.
     */
    private static Receipt receiptOf(TaskOutcome<Receipt> outcome, PendingInteraction pending) {
        return switch (outcome) {
            case TaskOutcome.Completed<Receipt> completed -> completed.value();
            case TaskOutcome.Failed<Receipt> failed -> new Receipt(pending.hash(), pending.signed().interaction().kind(),
                    TransitionRejection.Reason.UNDECLARED_KEY_ACCESS, Wei.ZERO, null);
        };
    }
}
