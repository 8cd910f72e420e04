package io.github.ontapkafka.iscsi.tracking;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One shared instance per distinct value, counted by use: thousands of sessions name the same few SVMs, portal
 * groups, LIFs, igroups and initiators, and a tracked session refers to them by a small id instead of holding its
 * own copies. A value whose last user lets go is dropped, so the pool holds only what tracked sessions use.
 * Id 0 stands for null.
 */
final class ValuePool {

    private final Map<Object, Integer> ids = new HashMap<>();
    private Object[] values = new Object[16];
    private int[] uses = new int[16];
    private int[] freeIds = new int[16];
    private int freeCount;
    private int nextId = 1;

    /** The id of {@code value}, counting one more use of it. */
    int acquire(Object value) {
        if (value == null) {
            return 0;
        }
        Integer known = ids.get(value);
        int id = known != null ? known : add(value);
        uses[id]++;
        return id;
    }

    Object value(int id) {
        return values[id];
    }

    /** Counts one use of {@code id} fewer, dropping its value after the last. */
    void release(int id) {
        if (id != 0 && --uses[id] == 0) {
            ids.remove(values[id]);
            values[id] = null;
            if (freeCount == freeIds.length) {
                freeIds = Arrays.copyOf(freeIds, freeCount * 2);
            }
            freeIds[freeCount++] = id;
        }
    }

    /** The shared instance equal to {@code value}, counting one more use of it. */
    @SuppressWarnings("unchecked")
    <T> T share(T value) {
        int id = acquire(value); // may grow the array: read it only afterwards
        return (T) values[id];
    }

    /** Counts one use of a value obtained from {@link #share} fewer. */
    void unshare(Object value) {
        release(ids.get(value));
    }

    /**
     * Each value held, with its count of uses: what the pool believes its users hold, for checking that belief
     * against the users (a value nobody uses any more would be kept forever).
     */
    Map<Object, Integer> useCounts() {
        Map<Object, Integer> counts = new HashMap<>();
        ids.forEach((value, id) -> counts.put(value, uses[id]));
        return counts;
    }

    private int add(Object value) {
        int id;
        if (freeCount > 0) {
            id = freeIds[--freeCount];
        } else {
            id = nextId++;
            if (id == values.length) {
                values = Arrays.copyOf(values, id * 2);
                uses = Arrays.copyOf(uses, id * 2);
            }
        }
        values[id] = value;
        ids.put(value, id);
        return id;
    }
}
