package io.github.ontapkafka.iscsi.state;

import io.github.ontapkafka.iscsi.diff.LiveSessions;

/**
 * Tracked sessions by the fingerprint of their last record: an open-addressing table with linear probing, a few
 * bytes per session where a {@code HashMap<Long, ...>} would take fifty. Fingerprints are well-mixed hashes, so
 * their low bits serve as the slot.
 */
final class FingerprintIndex {

    private TrackedSession[] slots = new TrackedSession[16];
    private int size;

    TrackedSession get(long fingerprint) {
        if (fingerprint == LiveSessions.NO_FINGERPRINT) {
            return null;
        }
        int mask = slots.length - 1;
        for (int i = home(fingerprint, mask); slots[i] != null; i = (i + 1) & mask) {
            if (slots[i].fingerprint() == fingerprint) {
                return slots[i];
            }
        }
        return null;
    }

    void add(TrackedSession session) {
        if (session.fingerprint() == LiveSessions.NO_FINGERPRINT) {
            return;
        }
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
    }

    void remove(TrackedSession session) {
        if (session.fingerprint() == LiveSessions.NO_FINGERPRINT) {
            return;
        }
        int mask = slots.length - 1;
        int hole = home(session.fingerprint(), mask);
        while (slots[hole] != session) {
            if (slots[hole] == null) {
                return;
            }
            hole = (hole + 1) & mask;
        }
        // Backward-shift deletion: move up every later entry of the run that may live in the hole.
        for (int i = (hole + 1) & mask; slots[i] != null; i = (i + 1) & mask) {
            int home = home(slots[i].fingerprint(), mask);
            if (((i - home) & mask) >= ((i - hole) & mask)) {
                slots[hole] = slots[i];
                hole = i;
            }
        }
        slots[hole] = null;
        size--;
    }

    private void insert(TrackedSession session) {
        int mask = slots.length - 1;
        int i = home(session.fingerprint(), mask);
        while (slots[i] != null) {
            i = (i + 1) & mask;
        }
        slots[i] = session;
    }

    private static int home(long fingerprint, int mask) {
        return (int) fingerprint & mask;
    }
}
