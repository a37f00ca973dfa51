package io.agnt2.sequencer.domain.parallel;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The keys one task declares, normalised so that every key has exactly one {@link AccessMode}.
 *
 * <p>Normalisation: a key that is written is only written (a write covers reading it and adding to
 * it inside the task). A key that is both read and delta'd becomes a write: within the task the
 * delta must be visible to its own later reads, and towards other tasks "read + delta" conflicts
 * with exactly what a write conflicts with (read via the delta, delta via the read, write), so
 * treating it as a write loses no parallelism.
 *
 * @param reads  keys observed only
 * @param writes keys replaced (and possibly observed or incremented)
 * @param deltas keys only incremented
 */
public record KeyAccess<K>(Set<K> reads, Set<K> writes, Set<K> deltas) {

    public KeyAccess {
        Set<K> w = new HashSet<>(writes);
        for (K key : reads) {
            if (deltas.contains(key)) {
                w.add(key);
            }
        }
        Set<K> r = new HashSet<>(reads);
        Set<K> d = new HashSet<>(deltas);
        r.removeAll(w);
        d.removeAll(w);
        reads = Set.copyOf(r);
        writes = Set.copyOf(w);
        deltas = Set.copyOf(d);
    }

    public static <K> KeyAccess<K> of(Collection<? extends K> reads, Collection<? extends K> writes,
                                      Collection<? extends K> deltas) {
        return new KeyAccess<>(Set.copyOf(reads), Set.copyOf(writes), Set.copyOf(deltas));
    }

    /** The declared mode of {@code key}, or {@code null} if the task did not declare it. */
    public AccessMode modeOf(K key) {
        if (writes.contains(key)) {
            return AccessMode.WRITE;
        }
        if (reads.contains(key)) {
            return AccessMode.READ;
        }
        return deltas.contains(key) ? AccessMode.DELTA : null;
    }

    public void forEach(BiConsumer<? super K, AccessMode> action) {
        reads.forEach(key -> action.accept(key, AccessMode.READ));
        writes.forEach(key -> action.accept(key, AccessMode.WRITE));
        deltas.forEach(key -> action.accept(key, AccessMode.DELTA));
    }

    public int size() {
        return reads.size() + writes.size() + deltas.size();
    }

    /**
     * Whether the two tasks must keep their sequence order: some key is declared by both in modes
     * that do not commute. O(size of this access); the graph builder never calls it pairwise, tests
     * use it as the specification of the graph.
     */
    public boolean conflictsWith(KeyAccess<K> other) {
        boolean[] conflict = {false};
        forEach((key, mode) -> {
            AccessMode theirs = other.modeOf(key);
            if (theirs != null && !mode.commutesWith(theirs)) {
                conflict[0] = true;
            }
        });
        return conflict[0];
    }
}
