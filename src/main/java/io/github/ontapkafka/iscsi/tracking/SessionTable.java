package io.github.ontapkafka.iscsi.tracking;

import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.SessionKey;
import io.github.ontapkafka.iscsi.ontap.LiveSessions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * The sessions a task tracks for one cluster, found by key and by the fingerprint of their last record, their
 * content kept compact (a few hundred bytes a session all told, so that a task can track hundreds of thousands).
 * Changed only by {@link #apply}; owned by the task thread.
 */
public final class SessionTable {

    private final KeyIndex byKey = new KeyIndex();
    private final FingerprintIndex byFingerprint = new FingerprintIndex();
    private final ValuePool pool = new ValuePool();

    public static SessionTable empty() {
        return new SessionTable();
    }

    /** The sessions as an offset stores them, after a restart: digests only, no content. */
    public static SessionTable ofDigests(DigestSnapshot snapshot) {
        SessionTable table = new SessionTable();
        for (int i = 0; i < snapshot.size(); i++) {
            table.add(new TrackedSession(table.sharedKey(snapshot.key(i)), snapshot.digest(i),
                    LiveSessions.NO_FINGERPRINT, null));
        }
        return table;
    }

    public int size() {
        return byKey.size();
    }

    /**
     * Starts a poll: marks the sessions whose last record {@code live} repeats byte for byte, which are therefore
     * unchanged, and returns the indexes of the other records, which the caller has to read.
     *
     * @throws E if a record comes twice
     */
    public <E extends Exception> List<Integer> markUnchanged(LiveSessions<E> live) throws E {
        byFingerprint.clearMarks();
        List<Integer> unknown = new ArrayList<>();
        for (int i = 0; i < live.size(); i++) {
            int slot = byFingerprint.find(live.fingerprint(i));
            if (slot < 0) {
                unknown.add(i);
            } else if (!byFingerprint.markSeen(slot)) {
                throw live.listedTwice(i, byFingerprint.at(slot).key());
            }
        }
        return unknown;
    }

    /** Whether the current poll has shown this session's last record unchanged. */
    public boolean markedUnchanged(TrackedSession session) {
        return byFingerprint.seen(session);
    }

    /** Every session the current poll has not shown unchanged. */
    public void forEachNotMarked(Consumer<TrackedSession> action) {
        byFingerprint.forEachUnseen(action);
        // Sessions without a fingerprint (known from an offset only, until a poll shows them) are in no such index.
        if (byFingerprint.size() < byKey.size()) {
            byKey.all().stream().filter(session -> session.fingerprint() == LiveSessions.NO_FINGERPRINT)
                    .forEach(action);
        }
    }

    public TrackedSession get(SessionKey key) {
        return byKey.get(key);
    }

    public Collection<TrackedSession> all() {
        return Collections.unmodifiableCollection(byKey.all());
    }

    /** The session's last state seen, or null if only its digest is known. */
    public IscsiSession content(TrackedSession session) {
        return session.contentKnown() ? CompactSession.decode(session.key(), session.content(), pool) : null;
    }

    /** The pool the sessions' shared values are in: its uses must be exactly the sessions' references. */
    ValuePool pool() {
        return pool;
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
        byFingerprint.addIfFingerprinted(session);
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
