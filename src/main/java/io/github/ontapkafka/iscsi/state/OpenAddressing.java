package io.github.ontapkafka.iscsi.state;

import java.util.AbstractCollection;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A hash set of tracked sessions with open addressing and linear probing: one array slot per entry, where a
 * {@code HashMap} spends a 32-byte node (and a boxed key) on each. Subclasses say what an entry is found by.
 * Kept at most two-thirds full.
 */
abstract class OpenAddressing extends AbstractCollection<TrackedSession> {

    private TrackedSession[] slots = new TrackedSession[16];
    private int size;

    /** The hash of what the entry is found by. */
    abstract int hashOf(TrackedSession session);

    /** The slot to start probing at for {@code hash}. */
    final int firstSlot(int hash) {
        return spread(hash) & (slots.length - 1);
    }

    final int nextSlot(int slot) {
        return (slot + 1) & (slots.length - 1);
    }

    /** The entry in {@code slot}; null ends a probe. */
    final TrackedSession at(int slot) {
        return slots[slot];
    }

    @Override
    public boolean add(TrackedSession session) {
        if ((size + 1) * 3L > slots.length * 2L) {
            TrackedSession[] old = slots;
            slots = new TrackedSession[old.length * 2];
            for (TrackedSession moved : old) {
                if (moved != null) {
                    insert(moved);
                }
            }
        }
        insert(session);
        size++;
        return true;
    }

    /** Removes this very entry, if present. */
    @Override
    public boolean remove(Object entry) {
        if (!(entry instanceof TrackedSession session)) {
            return false;
        }
        int hole = firstSlot(hashOf(session));
        while (slots[hole] != session) {
            if (slots[hole] == null) {
                return false;
            }
            hole = nextSlot(hole);
        }
        // Backward-shift deletion: move up every later entry of the run whose probe passes the hole.
        int mask = slots.length - 1;
        for (int i = nextSlot(hole); slots[i] != null; i = nextSlot(i)) {
            int home = firstSlot(hashOf(slots[i]));
            if (((i - home) & mask) >= ((i - hole) & mask)) {
                slots[hole] = slots[i];
                hole = i;
            }
        }
        slots[hole] = null;
        size--;
        return true;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Iterator<TrackedSession> iterator() {
        return new Iterator<>() {
            private int next = advance(0);

            private int advance(int from) {
                int slot = from;
                while (slot < slots.length && slots[slot] == null) {
                    slot++;
                }
                return slot;
            }

            @Override
            public boolean hasNext() {
                return next < slots.length;
            }

            @Override
            public TrackedSession next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                TrackedSession session = slots[next];
                next = advance(next + 1);
                return session;
            }
        };
    }

    private void insert(TrackedSession session) {
        int slot = firstSlot(hashOf(session));
        while (slots[slot] != null) {
            slot = nextSlot(slot);
        }
        slots[slot] = session;
    }

    /** Spreads the high bits down, as {@code HashMap} does, since the table uses only the low ones. */
    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
