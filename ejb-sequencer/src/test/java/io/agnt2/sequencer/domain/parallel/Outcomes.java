package io.agnt2.sequencer.domain.parallel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Comparable renderings of outcomes and states (exceptions have no value equality). */
final class Outcomes {

    private Outcomes() {
    }

    static String completed(Object value) {
        return "ok " + value;
    }

    static String failed(Exception failure) {
        return "failed " + failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    static List<String> describe(BlockOutcome<?, ?, ?> block) {
        return block.outcomes().stream()
                .map(outcome -> switch (outcome) {
                    case TaskOutcome.Completed<?> done -> completed(done.value());
                    case TaskOutcome.Failed<?> failed -> failed(failed.cause());
                })
                .toList();
    }

    /** Fails at the first differing task, naming it, instead of printing two block-long lists. */
    static void assertSameOutcomes(List<String> expected, List<String> actual, String label) {
        assertEquals(expected.size(), actual.size(), label + ": number of outcomes");
        for (int task = 0; task < expected.size(); task++) {
            assertEquals(expected.get(task), actual.get(task), label + ": outcome of task " + task);
        }
    }

    /** The full state after the block: base overlaid with the block's changes. */
    static <K, V> Map<K, V> stateAfter(Map<K, V> base, BlockOutcome<K, V, ?> block) {
        Map<K, V> state = new HashMap<>(base);
        state.putAll(block.changes());
        return state;
    }
}
