package io.agnt2.sequencer.domain.parallel;

/**
 * How increments combine and apply. The parallel executor merges deltas to a key in whatever order
 * tasks finish; the result equals sequential order only because these laws hold exactly (use
 * integers, never floating point):
 * <ul>
 *   <li>{@code combine} is commutative and associative;</li>
 *   <li>{@code apply(apply(v, a), b) == apply(v, combine(a, b))}.</li>
 * </ul>
 * Both must be pure: they may run concurrently and more than once (a compare-and-set retry).
 *
 * @param <V> the value stored under a key
 * @param <D> an increment to it
 */
public interface DeltaAlgebra<V, D> {

    D combine(D first, D second);

    /** {@code value} is {@code null} for a key that has no value yet. Never returns {@code null}. */
    V apply(V value, D delta);
}
