package io.agnt2.sequencer.domain.parallel;

import java.util.List;
import java.util.Map;

/** A toy block: interactions in sequence order and the state before it. */
record Workload(String name, List<ToyOp> ops, Map<ToyKey, ToyValue> base) {

    Batch<ToyOp, ToyKey> batch() {
        return Batch.of(ops, ToyOp::access);
    }

    BlockOutcome<ToyKey, ToyValue, Long> runOn(BlockExecutor executor) {
        return executor.execute(batch(), base::get, Credit.ALGEBRA, ToyOp.BODY);
    }
}
