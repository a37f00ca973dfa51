package io.agnt2.protocol.state;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The unmodifiable, naturally sorted map an {@link AgentRecord} holds its collections in. Nobody else
 * holds its {@link TreeMap}, so it is immutable: a wither hands an unchanged collection on as it is
 * (no copy), and the hash of its canonical bytes ({@link RecordEncoding}) is computed once per map, not
 * once per leaf hash. An empty collection is one shared instance. Each instance serves one kind of
 * collection (the key types differ), so its one cached hash is that collection's.
 */
final class FrozenSortedMap<K extends Comparable<K>, V> implements SortedMap<K, V> {

    @SuppressWarnings("rawtypes")
    private static final FrozenSortedMap EMPTY = new FrozenSortedMap<String, Object>(new TreeMap<>());

    private final TreeMap<K, V> map;
    /** The hash of this collection's canonical bytes, once computed; content is fixed, so any race writes the same. */
    private volatile byte[] hash;

    private FrozenSortedMap(TreeMap<K, V> map) {
        this.map = map;
    }

    @SuppressWarnings("unchecked")
    static <K extends Comparable<K>, V> FrozenSortedMap<K, V> empty() {
        return (FrozenSortedMap<K, V>) EMPTY;
    }

    /** {@code map} itself if it is one already, else a checked copy (no null keys or values). */
    static <K extends Comparable<K>, V> FrozenSortedMap<K, V> of(Map<K, V> map) {
        Objects.requireNonNull(map, "map");
        if (map instanceof FrozenSortedMap<K, V> frozen) {
            return frozen;
        }
        map.forEach((key, value) -> {
            if (key == null || value == null) {
                throw new IllegalArgumentException("record maps hold no nulls");
            }
        });
        return adopt(new TreeMap<>(map));
    }

    /** Takes {@code map}, naturally ordered and free of nulls, which the caller must not keep. */
    static <K extends Comparable<K>, V> FrozenSortedMap<K, V> adopt(TreeMap<K, V> map) {
        return map.isEmpty() ? empty() : new FrozenSortedMap<>(map);
    }

    /** A copy with {@code key} mapped to {@code value} (neither null). */
    FrozenSortedMap<K, V> with(K key, V value) {
        Objects.requireNonNull(key, "key"); // as TreeMap.put would
        if (value == null) {
            throw new IllegalArgumentException("record maps hold no nulls");
        }
        TreeMap<K, V> changed = new TreeMap<>(map);
        changed.put(key, value);
        return new FrozenSortedMap<>(changed);
    }

    /** A copy without {@code key}; this map if it has no such key. */
    FrozenSortedMap<K, V> without(Object key) {
        if (!map.containsKey(key)) {
            return this;
        }
        TreeMap<K, V> changed = new TreeMap<>(map);
        changed.remove(key);
        return adopt(changed);
    }

    /** The hash {@code compute} gives for this map, computed at most once per map (give the same function). */
    byte[] hash(Function<FrozenSortedMap<K, V>, byte[]> compute) {
        byte[] h = hash;
        if (h == null) {
            h = compute.apply(this);
            hash = h;
        }
        return h;
    }

    private SortedMap<K, V> view() {
        return Collections.unmodifiableSortedMap(map);
    }

    @Override
    public Comparator<? super K> comparator() {
        return null;
    }

    @Override
    public SortedMap<K, V> subMap(K fromKey, K toKey) {
        return view().subMap(fromKey, toKey);
    }

    @Override
    public SortedMap<K, V> headMap(K toKey) {
        return view().headMap(toKey);
    }

    @Override
    public SortedMap<K, V> tailMap(K fromKey) {
        return view().tailMap(fromKey);
    }

    @Override
    public K firstKey() {
        return map.firstKey();
    }

    @Override
    public K lastKey() {
        return map.lastKey();
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public boolean containsKey(Object key) {
        return map.containsKey(key);
    }

    @Override
    public boolean containsValue(Object value) {
        return map.containsValue(value);
    }

    @Override
    public V get(Object key) {
        return map.get(key);
    }

    @Override
    public V put(K key, V value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public V remove(Object key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Set<K> keySet() {
        return view().keySet();
    }

    @Override
    public Collection<V> values() {
        return view().values();
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return view().entrySet();
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        map.forEach(action);
    }

    @Override
    public boolean equals(Object other) {
        return other == this || map.equals(other);
    }

    @Override
    public int hashCode() {
        return map.hashCode();
    }

    @Override
    public String toString() {
        return map.toString();
    }
}
