package io.agnt2.sequencer.domain.parallel;

import java.util.Arrays;
import java.util.function.IntConsumer;

/** A growable int array: node ids and edges without boxing (a block has 10^5 tasks). */
final class IntList {

    private int[] items;
    private int size;

    IntList() {
        this(4);
    }

    IntList(int capacity) {
        items = new int[Math.max(1, capacity)];
    }

    void add(int value) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = value;
    }

    int get(int index) {
        return items[index];
    }

    void set(int index, int value) {
        items[index] = value;
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    void forEach(IntConsumer action) {
        for (int i = 0; i < size; i++) {
            action.accept(items[i]);
        }
    }

    int[] toArray() {
        return Arrays.copyOf(items, size);
    }
}
