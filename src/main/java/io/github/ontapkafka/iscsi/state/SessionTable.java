package io.github.ontapkafka.iscsi.state;

import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.SessionKey;

import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The sessions a task tracks for one cluster, found by key and by the fingerprint of their last record, their
 * content kept compact (a few hundred bytes a session all told, so that a task can track hundreds of thousands).
 * Changed only by {@link #apply}; owned by the task thread.
 */
public final class SessionTable {

    private final KeyIndex byKey = new KeyIndex();
    private final FingerprintIndex byFingerprint = new FingerprintIndex();
    private final ValuePool pool = new ValuePool();
    private int poll;

    public static SessionTable empty() {
        return new SessionTable();
    }

    /** The sessions as an offset stores them, after a restart: digests only, no content. */
    public static SessionTable ofDigests(DigestSnapshot snapshot) {
        SessionTable table = new SessionTable();
        for (int i = 0; i < snapshot.size(); i++) {
            table.add(new TrackedSession(table.sharedKey(snapshot.key(i)), snapshot.digest(i), 0, null));
        }
        return table;
    }

    public int size() {
        return byKey.size();
    }

    /** Starts telling which sessions the records of a new poll show unchanged ({@link #markSeen}). */
    public void startPoll() {
        poll++;
    }

    /** Marks a session as shown unchanged by the current poll; false if it was already. */
    public boolean markSeen(TrackedSession session) {
        return session.markSeen(poll);
    }

    public boolean seenInThisPoll(TrackedSession session) {
        return session.seenIn(poll);
    }

    /** The session whose last record had exactly this fingerprint, or null. */
    public TrackedSession byFingerprint(long fingerprint) {
        return byFingerprint.get(fingerprint);
    }

    public TrackedSession get(SessionKey key) {
        return byKey.get(key);
    }

    public Collection<TrackedSession> all() {
        return Collections.unmodifiableCollection(byKey);
    }

    /** The session's last state seen, or null if only its digest is known. */
    public IscsiSession content(TrackedSession session) {
        return session.contentKnown() ? CompactSession.decode(session.key(), session.content(), pool) : null;
    }

    /**
     * The table's own instance of {@code key} if it tracks the session, else {@code key}: snapshots kept beside the
     * table share its keys instead of holding the strings each record came with.
     */
    SessionKey canonical(SessionKey key) {
        TrackedSession tracked = byKey.get(key);
        return tracked != null ? tracked.key() : key;
    }

    /** Stores what a poll found. */
    public void apply(List<SessionUpdate> updates) {
        for (SessionUpdate update : updates) {
            TrackedSession old = byKey.get(update.key());
            if (old != null) {
                forget(old);
            }
            IscsiSession session = update.session();
            if (session != null) {
                SessionKey key = sharedKey(update.key());
                add(new TrackedSession(key, update.digest(), update.fingerprint(), CompactSession.encode(session, pool)));
            }
        }
    }

    private SessionKey sharedKey(SessionKey key) {
        String svmUuid = pool.share(key.svmUuid());
        String portalGroup = pool.share(key.targetPortalGroup());
        return svmUuid == key.svmUuid() && portalGroup == key.targetPortalGroup() ? key
                : new SessionKey(svmUuid, portalGroup, key.tsih());
    }

    private void add(TrackedSession session) {
        byKey.add(session);
        byFingerprint.add(session);
    }

    private void forget(TrackedSession session) {
        byKey.remove(session);
        byFingerprint.remove(session);
        if (session.contentKnown()) {
            CompactSession.release(session.key(), session.content(), pool);
        }
        pool.unshare(session.key().svmUuid());
        pool.unshare(session.key().targetPortalGroup());
    }
}
