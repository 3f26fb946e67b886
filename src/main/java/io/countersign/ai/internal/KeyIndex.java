package io.countersign.ai.internal;

/**
 * Position of a 64-bit key in a sorted key array, by open addressing: one probe in the common case, where a
 * binary search over tens of thousands of keys costs a cache miss per step. Built from the keys, never stored.
 */
final class KeyIndex {

    private final long[] slots;
    private final int[] positions;
    private final int mask;

    KeyIndex(long[] keys) {
        int capacity = Integer.highestOneBit(Math.max(4, keys.length * 2) - 1) << 1;
        this.slots = new long[capacity];
        this.positions = new int[capacity];
        this.mask = capacity - 1;
        for (int i = 0; i < keys.length; i++) {
            int slot = slot(keys[i]);
            while (positions[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = keys[i];
            positions[slot] = i + 1;
        }
    }

    /** The key's position, or -1 when absent. */
    int find(long key) {
        for (int slot = slot(key); positions[slot] != 0; slot = (slot + 1) & mask) {
            if (slots[slot] == key) {
                return positions[slot] - 1;
            }
        }
        return -1;
    }

    private int slot(long key) {
        return (int) (key ^ (key >>> 32)) & mask;
    }
}
