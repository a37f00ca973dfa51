package io.agnt2.sequencer.domain.parallel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The toy state machine run the obvious way, without the engine: one loop over a HashMap, a delta
 * is just "read, apply, write", a failed interaction's scratch map is thrown away. Independent of
 * every engine class except the interfaces the ops are written against, so a bug shared by both
 * executors (staging, folding) still shows.
 */
final class ReferenceMachine {

    record Result(List<String> outcomes, Map<ToyKey, ToyValue> state) {
    }

    private ReferenceMachine() {
    }

    static Result run(Workload workload) {
        Map<ToyKey, ToyValue> state = new HashMap<>(workload.base());
        List<String> outcomes = new ArrayList<>();
        for (ToyOp op : workload.ops()) {
            Map<ToyKey, ToyValue> scratch = new HashMap<>();
            TaskContext<ToyKey, ToyValue, Credit> context = new TaskContext<>() {
                @Override
                public ToyValue read(ToyKey key) {
                    return scratch.containsKey(key) ? scratch.get(key) : state.get(key);
                }

                @Override
                public void write(ToyKey key, ToyValue value) {
                    scratch.put(key, value);
                }

                @Override
                public void delta(ToyKey key, Credit delta) {
                    scratch.put(key, Credit.ALGEBRA.apply(read(key), delta));
                }
            };
            try {
                long result = op.apply(context);
                state.putAll(scratch);
                outcomes.add(Outcomes.completed(result));
            } catch (Exception failure) {
                outcomes.add(Outcomes.failed(failure));
            }
        }
        return new Result(outcomes, state);
    }
}
