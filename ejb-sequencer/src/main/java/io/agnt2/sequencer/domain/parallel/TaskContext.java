package io.agnt2.sequencer.domain.parallel;

/**
 * A task body's only view of the state. Access is checked against the task's {@link KeyAccess}: an
 * undeclared access throws {@link UndeclaredAccessException}, which fails the task, so a task can
 * never have a wider effect than the graph was built for. Writes and deltas are staged and become
 * visible to other tasks only if the body returns normally.
 */
public interface TaskContext<K, V, D> {

    /**
     * The value as sequential order would show it (every earlier write and delta applied), or
     * {@code null} if the key has none; after this task wrote it, the staged value. Allowed for
     * keys declared read or write.
     */
    V read(K key);

    /** Stages a new value. Allowed for keys declared write. */
    void write(K key, V value);

    /**
     * Stages an increment. Allowed for keys declared delta; for a key declared write it is applied
     * to the staged value at once (read, apply, write).
     */
    void delta(K key, D delta);
}
