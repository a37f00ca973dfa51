package io.agnt2.sequencer.domain.parallel;

import java.util.List;
import java.util.function.Function;

/**
 * The tasks of one block in sequence order, each with its declared keys.
 *
 * @param tasks    in sequence order
 * @param accesses {@code accesses.get(i)} is what {@code tasks.get(i)} declares
 */
public record Batch<T, K>(List<T> tasks, List<KeyAccess<K>> accesses) {

    public Batch {
        tasks = List.copyOf(tasks);
        accesses = List.copyOf(accesses);
        if (tasks.size() != accesses.size()) {
            throw new IllegalArgumentException(tasks.size() + " tasks but " + accesses.size() + " accesses");
        }
    }

    public static <T, K> Batch<T, K> of(List<T> tasks, Function<? super T, KeyAccess<K>> accessOf) {
        return new Batch<>(tasks, tasks.stream().map(accessOf).toList());
    }

    public int size() {
        return tasks.size();
    }
}
