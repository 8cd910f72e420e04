package io.github.ontapkafka.iscsi.tracking;

import io.github.ontapkafka.iscsi.model.SessionKey;

import java.util.AbstractCollection;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Objects;

/** Tracked sessions by key. */
final class KeyIndex extends OpenAddressing {

    private TrackedSession[] slots;

    TrackedSession get(SessionKey key) {
        for (int slot = firstSlot(key.hashCode()); occupied(slot); slot = nextSlot(slot)) {
            if (slots[slot].key().equals(key)) {
                return slots[slot];
            }
        }
        return null;
    }

    /** Every tracked session, in no particular order; a view, not to be used while the index changes. */
    AbstractCollection<TrackedSession> all() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<TrackedSession> iterator() {
                return Arrays.stream(slots).filter(Objects::nonNull).iterator();
            }

            @Override
            public int size() {
                return KeyIndex.this.size();
            }
        };
    }

    @Override
    void allocate(int capacity) {
        slots = new TrackedSession[capacity];
    }

    @Override
    TrackedSession[] entries() {
        return slots;
    }

    @Override
    int hashOf(TrackedSession session) {
        return session.key().hashCode();
    }

    @Override
    void place(int slot, TrackedSession session) {
        slots[slot] = session;
    }

    @Override
    void clear(int slot) {
        slots[slot] = null;
    }
}
