package dev.vulcan.tool.githistory.internal;

import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * Counts occurrences of non-negative {@code long} keys (file pairs) in an open-addressing hash table of
 * primitive arrays: 12 bytes per slot instead of the ~80 bytes of a {@code HashMap<Long, Integer>} entry, so the
 * co-change pairs of a long history fit in memory. Not thread-safe.
 */
public final class PairCounter {

    private static final long EMPTY = -1L;
    private static final int MAX_CAPACITY = 1 << 30;

    private long[] keys;
    private int[] counts;
    private int size;

    /** Creates an empty counter. */
    public PairCounter() {
        keys = new long[1024];
        counts = new int[1024];
        Arrays.fill(keys, EMPTY);
    }

    /**
     * Adds one to a key's count.
     *
     * @param key a non-negative key
     * @throws IllegalArgumentException if the key is negative
     * @throws IllegalStateException if the table cannot grow any further
     */
    public void increment(long key) {
        if (key < 0) {
            throw new IllegalArgumentException("keys must not be negative: " + key);
        }
        int slot = find(keys, key);
        if (keys[slot] == EMPTY) {
            if (2 * (size + 1) > keys.length) {
                grow();
                slot = find(keys, key);
            }
            keys[slot] = key;
            size++;
        }
        counts[slot]++;
    }

    /**
     * Returns a key's count.
     *
     * @param key the key
     * @return its count, 0 when never incremented
     */
    public int get(long key) {
        if (key < 0) {
            return 0;
        }
        int slot = find(keys, key);
        return keys[slot] == EMPTY ? 0 : counts[slot];
    }

    /**
     * Returns how many distinct keys were counted.
     *
     * @return the key count
     */
    public int size() {
        return size;
    }

    /**
     * Calls an action for every key and its count, in no particular order.
     *
     * @param action receives key and count
     */
    public void forEach(BiConsumer<Long, Integer> action) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                action.accept(keys[i], counts[i]);
            }
        }
    }

    private static int find(long[] table, long key) {
        int mask = table.length - 1;
        int slot = mix(key) & mask;
        while (table[slot] != EMPTY && table[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private void grow() {
        if (keys.length >= MAX_CAPACITY) {
            throw new IllegalStateException("too many co-changed file pairs to count: " + size);
        }
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new int[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = find(keys, oldKeys[i]);
                keys[slot] = oldKeys[i];
                counts[slot] = oldCounts[i];
            }
        }
    }
}
