package io.agnt2.sequencer.domain.parallel;

import java.util.List;
import java.util.Map;

/**
 * The result of executing a block.
 *
 * @param outcomes one per task, in sequence order
 * @param changes  the final value of every key that a successful task wrote or incremented, in the
 *                 order the keys were first declared; the caller commits these to its store
 */
public record BlockOutcome<K, V, R>(List<TaskOutcome<R>> outcomes, Map<K, V> changes) {
}
