package io.github.ontapkafka.iscsi.tracking;

/**
 * A hash table of tracked sessions with open addressing and linear probing, over slot arrays that subclasses keep:
 * one array slot per entry, where a {@code HashMap} spends a 32-byte node (and a boxed key) on each. Subclasses
 * say what an entry is found by. Kept at most two-thirds full.
 */
abstract class OpenAddressing {

    private static final int INITIAL_SLOT_BITS = 4;
    /** 2^32 divided by the golden ratio: multiplying by it scatters runs of similar hashes over the table. */
    private static final int FIBONACCI = 0x9E3779B9;

    private int shift = Integer.SIZE - INITIAL_SLOT_BITS;
    private int size;

    /** Subclasses' slot arrays are set here, by {@link #allocate}: they must not have initialisers of their own. */
    OpenAddressing() {
        allocate(1 << INITIAL_SLOT_BITS);
    }

    /** Replaces the slot arrays by empty ones of {@code capacity} slots. */
    abstract void allocate(int capacity);

    /** The entries by slot, null where a slot is free. */
    abstract TrackedSession[] entries();

    /** The hash of what an entry is found by. */
    abstract int hashOf(TrackedSession session);

    /** Puts an entry into a free slot. */
    abstract void place(int slot, TrackedSession session);

    abstract void clear(int slot);

    /**
     * The slot to start probing at for {@code hash}: its top bits after Fibonacci hashing. Session keys' hashes come
     * in runs (consecutive TSIHs of one portal group), which would make long probe sequences if used as they are.
     */
    final int firstSlot(int hash) {
        return (hash * FIBONACCI) >>> shift;
    }

    final int nextSlot(int slot) {
        return (slot + 1) & (entries().length - 1);
    }

    final boolean occupied(int slot) {
        return entries()[slot] != null;
    }

    final int size() {
        return size;
    }

    final void add(TrackedSession session) {
        if ((size + 1) * 3L > entries().length * 2L) {
            TrackedSession[] old = entries();
            shift--;
            allocate(old.length * 2);
            for (TrackedSession moved : old) {
                if (moved != null) {
                    place(freeSlot(hashOf(moved)), moved);
                }
            }
        }
        place(freeSlot(hashOf(session)), session);
        size++;
    }

    /** Removes this very entry, if present. */
    final void remove(TrackedSession session) {
        for (int slot = firstSlot(hashOf(session)); occupied(slot); slot = nextSlot(slot)) {
            if (entries()[slot] == session) {
                free(slot);
                return;
            }
        }
    }

    /** Frees an occupied slot, moving up every later entry of its run whose probe passes it (backward shift). */
    private void free(int slot) {
        int mask = entries().length - 1;
        int hole = slot;
        for (int i = nextSlot(hole); occupied(i); i = nextSlot(i)) {
            int home = firstSlot(hashOf(entries()[i]));
            if (((i - home) & mask) >= ((i - hole) & mask)) {
                TrackedSession moved = entries()[i];
                clear(i);
                place(hole, moved);
                hole = i;
            }
        }
        clear(hole);
        size--;
    }

    private int freeSlot(int hash) {
        int slot = firstSlot(hash);
        while (occupied(slot)) {
            slot = nextSlot(slot);
        }
        return slot;
    }
}
