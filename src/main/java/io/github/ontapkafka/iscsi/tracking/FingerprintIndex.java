package io.github.ontapkafka.iscsi.tracking;

import io.github.ontapkafka.iscsi.ontap.LiveSessions;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Tracked sessions by the fingerprint of their last record, with a mark per session for the records the current
 * poll has shown. Fingerprints and marks live in arrays of their own, so that matching a poll's records touches no
 * session object: most records of a poll are the sessions' unchanged records, and this is all the work they cost.
 * Sessions without a fingerprint (known from an offset only) are not in it.
 *
 * <p>Marks are valid from {@link #clearMarks} until the index next changes: a poll matches its records, then
 * changes the index.
 */
final class FingerprintIndex extends OpenAddressing {

    private long[] fingerprints;
    private TrackedSession[] sessions;
    /** One bit per slot: the record of the session in that slot came in the current poll. */
    private long[] seen;

    /** The slot of the session with this fingerprint, or -1. */
    int find(long fingerprint) {
        if (fingerprint == LiveSessions.NO_FINGERPRINT) {
            return -1;
        }
        for (int slot = firstSlot(hash(fingerprint)); occupied(slot); slot = nextSlot(slot)) {
            if (fingerprints[slot] == fingerprint) {
                return slot;
            }
        }
        return -1;
    }

    TrackedSession at(int slot) {
        return sessions[slot];
    }

    /** Marks the session in {@code slot} as shown by the current poll; false if it already was. */
    boolean markSeen(int slot) {
        boolean first = !isMarked(slot);
        seen[slot >>> 6] |= 1L << slot;
        return first;
    }

    boolean seen(TrackedSession session) {
        int slot = find(session.fingerprint());
        return slot >= 0 && isMarked(slot);
    }

    void clearMarks() {
        Arrays.fill(seen, 0);
    }

    /** Every session in the index that the current poll has not shown. */
    void forEachUnseen(Consumer<TrackedSession> action) {
        for (int slot = 0; slot < sessions.length; slot++) {
            if (sessions[slot] != null && !isMarked(slot)) {
                action.accept(sessions[slot]);
            }
        }
    }

    /** Adds a session that has a fingerprint; others have no place here. */
    void addIfFingerprinted(TrackedSession session) {
        if (session.fingerprint() != LiveSessions.NO_FINGERPRINT) {
            add(session);
        }
    }

    @Override
    void allocate(int capacity) {
        fingerprints = new long[capacity];
        sessions = new TrackedSession[capacity];
        seen = new long[(capacity + 63) / 64];
    }

    @Override
    TrackedSession[] entries() {
        return sessions;
    }

    @Override
    int hashOf(TrackedSession session) {
        return hash(session.fingerprint());
    }

    @Override
    void place(int slot, TrackedSession session) {
        fingerprints[slot] = session.fingerprint();
        sessions[slot] = session;
    }

    @Override
    void clear(int slot) {
        fingerprints[slot] = LiveSessions.NO_FINGERPRINT;
        sessions[slot] = null;
        seen[slot >>> 6] &= ~(1L << slot);
    }

    private boolean isMarked(int slot) {
        return (seen[slot >>> 6] & (1L << slot)) != 0;
    }

    private static int hash(long fingerprint) {
        return Long.hashCode(fingerprint);
    }
}
