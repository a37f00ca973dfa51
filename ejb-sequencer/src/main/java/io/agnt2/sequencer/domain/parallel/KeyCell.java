package io.agnt2.sequencer.domain.parallel;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The live value of one key during a block: a settled value plus the deltas merged since it was
 * last settled. The graph, not this class, rules out the dangerous interleavings; this class only
 * has to be correct for the ones the graph allows:
 * <ul>
 *   <li>{@link #accumulate}: concurrently with other accumulates (delta–delta commute), never with
 *       a read or a write of the key. A compare-and-set merge, so no increment is lost.</li>
 *   <li>{@link #read}: concurrently with other reads only. The first reader after a run of deltas
 *       folds them into the value; concurrent readers serialise on the lock to do so.</li>
 *   <li>{@link #overwrite}: alone (a write conflicts with everything).</li>
 * </ul>
 * Cross-task visibility comes from the executor's completion counters (each task publishes before
 * it decrements its successors' counters); the volatile fields make the reader fast path safe.
 */
final class KeyCell<V, D> {

    private final DeltaAlgebra<V, D> algebra;
    private volatile V value;
    private final AtomicReference<D> pending = new AtomicReference<>();
    private volatile boolean changed;

    KeyCell(DeltaAlgebra<V, D> algebra, V initial) {
        this.algebra = algebra;
        this.value = initial;
    }

    V read() {
        if (pending.get() == null) {
            // Safe without the lock: a folding reader writes the value before it clears pending.
            return value;
        }
        synchronized (this) {
            D merged = pending.get();
            if (merged != null) {
                value = algebra.apply(value, merged);
                pending.set(null); // no accumulate can run now (the graph), so get-then-clear loses nothing
            }
            return value;
        }
    }

    void accumulate(D delta) {
        pending.accumulateAndGet(delta, (merged, next) -> merged == null ? next : algebra.combine(merged, next));
        changed = true;
    }

    /** A blind overwrite also discards earlier unread deltas, as it would in sequential order. */
    void overwrite(V newValue) {
        value = newValue;
        pending.set(null);
        changed = true;
    }

    boolean changed() {
        return changed;
    }
}
