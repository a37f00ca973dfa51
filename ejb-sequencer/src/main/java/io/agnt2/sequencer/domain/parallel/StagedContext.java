package io.agnt2.sequencer.domain.parallel;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One task's context: checks every access against the declaration, serves reads from the block
 * state (or from the task's own staged writes), and stages writes and deltas in private maps that
 * {@link #publish} applies only when the body has returned normally. This is what makes a failed
 * task effect-free without any undo.
 */
final class StagedContext<K, V, D> implements TaskContext<K, V, D> {

    private final KeyAccess<K> access;
    private final BlockState<K, V, D> state;
    private Map<K, V> writes;
    private Map<K, D> deltas;

    StagedContext(KeyAccess<K> access, BlockState<K, V, D> state) {
        this.access = access;
        this.state = state;
    }

    @Override
    public V read(K key) {
        AccessMode declared = access.modeOf(key);
        if (declared == AccessMode.WRITE && writes != null && writes.containsKey(key)) {
            return writes.get(key);
        }
        if (declared != AccessMode.READ && declared != AccessMode.WRITE) {
            throw new UndeclaredAccessException(key, "read", declared);
        }
        return state.cell(key).read();
    }

    @Override
    public void write(K key, V value) {
        Objects.requireNonNull(value, "value");
        AccessMode declared = access.modeOf(key);
        if (declared != AccessMode.WRITE) {
            throw new UndeclaredAccessException(key, "write", declared);
        }
        if (writes == null) {
            writes = new HashMap<>(4);
        }
        writes.put(key, value);
    }

    @Override
    public void delta(K key, D delta) {
        Objects.requireNonNull(delta, "delta");
        AccessMode declared = access.modeOf(key);
        if (declared == AccessMode.WRITE) {
            write(key, state.algebra().apply(read(key), delta));
        } else if (declared == AccessMode.DELTA) {
            if (deltas == null) {
                deltas = new HashMap<>(4);
            }
            deltas.merge(key, delta, state.algebra()::combine);
        } else {
            throw new UndeclaredAccessException(key, "delta", declared);
        }
    }

    void publish() {
        if (writes != null) {
            writes.forEach((key, value) -> state.cell(key).overwrite(value));
        }
        if (deltas != null) {
            deltas.forEach((key, delta) -> state.cell(key).accumulate(delta));
        }
    }
}
