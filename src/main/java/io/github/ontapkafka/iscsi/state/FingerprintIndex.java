package io.github.ontapkafka.iscsi.state;

import io.github.ontapkafka.iscsi.diff.LiveSessions;

/** Tracked sessions by the fingerprint of their last record; sessions without one are not in it. */
final class FingerprintIndex extends OpenAddressing {

    TrackedSession get(long fingerprint) {
        if (fingerprint == LiveSessions.NO_FINGERPRINT) {
            return null;
        }
        for (int slot = firstSlot(hash(fingerprint)); at(slot) != null; slot = nextSlot(slot)) {
            if (at(slot).fingerprint() == fingerprint) {
                return at(slot);
            }
        }
        return null;
    }

    @Override
    public boolean add(TrackedSession session) {
        return session.fingerprint() != LiveSessions.NO_FINGERPRINT && super.add(session);
    }

    @Override
    int hashOf(TrackedSession session) {
        return hash(session.fingerprint());
    }

    private static int hash(long fingerprint) {
        return Long.hashCode(fingerprint);
    }
}
