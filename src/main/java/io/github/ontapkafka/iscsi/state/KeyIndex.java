package io.github.ontapkafka.iscsi.state;

import io.github.ontapkafka.iscsi.model.SessionKey;

/** Tracked sessions by key. */
final class KeyIndex extends OpenAddressing {

    TrackedSession get(SessionKey key) {
        for (int slot = firstSlot(key.hashCode()); at(slot) != null; slot = nextSlot(slot)) {
            if (at(slot).key().equals(key)) {
                return at(slot);
            }
        }
        return null;
    }

    @Override
    int hashOf(TrackedSession session) {
        return session.key().hashCode();
    }
}
