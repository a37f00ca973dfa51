package io.agnt2.sequencer.domain.parallel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The state a block executes against: one {@link KeyCell} per declared key, created and loaded from
 * the base store on one thread before any task runs. During execution the map is only read, so it
 * needs no synchronisation, and the base store is never touched by worker threads (it need not be
 * thread-safe). After execution the changed cells become the block's change set.
 */
final class BlockState<K, V, D> {

    private final Map<K, KeyCell<V, D>> cells;
    private final DeltaAlgebra<V, D> algebra;

    BlockState(Batch<?, K> batch, Function<? super K, ? extends V> base, DeltaAlgebra<V, D> algebra) {
        this.algebra = algebra;
        this.cells = new LinkedHashMap<>();
        for (KeyAccess<K> access : batch.accesses()) {
            access.forEach((key, mode) -> cells.computeIfAbsent(key, k -> new KeyCell<>(algebra, base.apply(k))));
        }
    }

    DeltaAlgebra<V, D> algebra() {
        return algebra;
    }

    KeyCell<V, D> cell(K key) {
        return cells.get(key);
    }

    /** Call only after every task has finished: settling reads fold the remaining deltas. */
    Map<K, V> changes() {
        Map<K, V> changes = new LinkedHashMap<>();
        cells.forEach((key, cell) -> {
            if (cell.changed()) {
                changes.put(key, cell.read());
            }
        });
        return changes;
    }
}
