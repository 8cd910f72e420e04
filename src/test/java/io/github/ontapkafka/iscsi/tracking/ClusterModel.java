package io.github.ontapkafka.iscsi.tracking;

import io.github.ontapkafka.iscsi.model.Connection;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.SessionKey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a task is documented to report for one cluster, written as plainly as possible so that it can be believed:
 * a map of the sessions last seen, compared key by key with each poll. No fingerprints, compact content, pool or
 * hash tables. After a restart it still holds every session's true last state (to tell a new login from a change,
 * as the stored digests tell the task), but notes that the task knows only the digest.
 *
 * <p>A first poll, or one under another scope, starts a new baseline: the sessions that leave it are forgotten, and
 * under {@code never} those that enter it taken in, before the poll is compared, as if the state had always been so.
 */
final class ClusterModel {

    /**
     * A session as last seen, whether the task knows that state or (after a restart) its digest only, and when it
     * was first seen.
     */
    private record Remembered(IscsiSession last, boolean contentKnown, FirstSeen firstSeen) {
    }

    /**
     * A poll's expected changes with what the task must report beside them, and the sessions and SVM names they
     * were found against, from which the state after any of its records follows.
     */
    record Batch(List<SessionChange> changes, long generation, Instant observedAt, Instant previousObservedAt,
                 String scope, boolean rescope, Map<SessionKey, IscsiSession> before,
                 Map<SessionKey, FirstSeen> firstSeenBefore, Map<String, String> svmNamesBefore) {

        /** Whether a {@code SNAPSHOT} is still to come after the first {@code count} changes. */
        boolean snapshotInProgressAfter(int count) {
            return changes.subList(count, changes.size()).stream().anyMatch(c -> c.type() == ChangeType.SNAPSHOT);
        }

        /** The sessions after the first {@code count} changes: what a task restarted from that record resumes with. */
        Map<SessionKey, IscsiSession> sessionsAfter(int count) {
            Map<SessionKey, IscsiSession> sessions = new TreeMap<>(before);
            for (SessionChange change : changes.subList(0, count)) {
                if (change.type() == ChangeType.LOGOUT) {
                    sessions.remove(change.key());
                } else {
                    sessions.put(change.key(), change.session());
                }
            }
            return sessions;
        }

        /** When each session was first seen, after the first {@code count} changes. */
        Map<SessionKey, FirstSeen> firstSeenAfter(int count) {
            Map<SessionKey, FirstSeen> firstSeen = new TreeMap<>(firstSeenBefore);
            for (SessionChange change : changes.subList(0, count)) {
                if (change.type() == ChangeType.LOGOUT) {
                    firstSeen.remove(change.key());
                } else {
                    firstSeen.put(change.key(), change.firstSeen());
                }
            }
            return firstSeen;
        }

        Map<String, String> svmNamesAfter(int count) {
            Map<String, String> names = new HashMap<>(svmNamesBefore);
            changes.subList(0, count).forEach(change -> learnSvmName(names, change.session()));
            return names;
        }
    }

    private final SnapshotMode mode;
    private Map<SessionKey, Remembered> sessions = new TreeMap<>();
    /** SVM names by UUID as the events told them: what names a session that logs out unseen after a restart. */
    private Map<String, String> svmNames = new HashMap<>();
    private long generation;
    private Instant lastPolledAt;
    private boolean baselineKnown;
    private boolean snapshotPending;
    /** The canonical form of the scope of the sessions. */
    private String scope = "";

    ClusterModel(SnapshotMode mode) {
        this.mode = mode;
    }

    /** @param live the sessions the scope covers */
    Batch poll(Map<SessionKey, IscsiSession> live, Instant observedAt, String scope) {
        boolean rescope = baselineKnown && !scope.equals(this.scope);
        boolean newBaseline = !baselineKnown || rescope;
        boolean snapshot = newBaseline ? mode == SnapshotMode.INITIAL : snapshotPending;
        if (newBaseline) {
            enterAndLeaveUnreported(live, observedAt);
        }
        List<SessionChange> changes = changesTo(live, snapshot, observedAt);
        // Stable: a snapshot first, then the other changes, each in key order.
        changes.sort(Comparator.comparing(change -> change.type() != ChangeType.SNAPSHOT));
        Map<SessionKey, IscsiSession> before = new TreeMap<>();
        Map<SessionKey, FirstSeen> firstSeenBefore = new TreeMap<>();
        sessions.forEach((key, remembered) -> {
            before.put(key, remembered.last());
            firstSeenBefore.put(key, remembered.firstSeen());
        });
        Map<String, String> namesBefore = Map.copyOf(svmNames);
        Instant previous = lastPolledAt;

        Map<SessionKey, FirstSeen> firstSeenNow = new TreeMap<>(firstSeenBefore);
        changes.stream().filter(change -> change.type() != ChangeType.LOGOUT)
                .forEach(change -> firstSeenNow.put(change.key(), change.firstSeen()));
        sessions = new TreeMap<>();
        live.forEach((key, session) -> sessions.put(key, new Remembered(session, true, firstSeenNow.get(key))));
        lastPolledAt = observedAt;
        baselineKnown = true;
        snapshotPending = false;
        this.scope = scope;
        if (changes.isEmpty()) {
            return new Batch(List.of(), generation, observedAt, previous, scope, rescope, before, firstSeenBefore,
                    namesBefore);
        }
        generation++;
        changes.forEach(change -> learnSvmName(svmNames, change.session()));
        return new Batch(changes, generation, observedAt, previous, scope, rescope, before, firstSeenBefore,
                namesBefore);
    }

    /**
     * The sessions no longer listed leave without an event, and under {@code never} those listed anew enter
     * without one; the SVM names they carry are learnt as from any change.
     */
    private void enterAndLeaveUnreported(Map<SessionKey, IscsiSession> live, Instant observedAt) {
        List<SessionChange> unreported = new ArrayList<>();
        sessions.forEach((key, old) -> {
            if (!live.containsKey(key)) {
                unreported.add(logout(key, old));
            }
        });
        if (mode == SnapshotMode.NEVER) {
            live.forEach((key, now) -> {
                if (!sessions.containsKey(key)) {
                    unreported.add(appeared(ChangeType.SNAPSHOT, now, observedAt));
                }
            });
        }
        for (SessionChange change : unreported) {
            learnSvmName(svmNames, change.session());
            if (change.type() == ChangeType.LOGOUT) {
                sessions.remove(change.key());
            } else {
                sessions.put(change.key(), new Remembered(change.session(), true, change.firstSeen()));
            }
        }
    }

    /** A restart without a stored offset: the next poll is a first poll again. */
    void restartFresh() {
        sessions = new TreeMap<>();
        svmNames = new HashMap<>();
        generation = 0;
        lastPolledAt = null;
        baselineKnown = false;
        snapshotPending = false;
        scope = "";
    }

    /**
     * A restart from the offset of record {@code record} of {@code batch}: the state after that record, digests
     * only; only the batch's last record moves on the generation and poll time, and a snapshot stays unfinished
     * until its last {@code SNAPSHOT}.
     */
    void restart(Batch batch, int record) {
        boolean last = record == batch.changes().size() - 1;
        sessions = new TreeMap<>();
        Map<SessionKey, FirstSeen> firstSeen = batch.firstSeenAfter(record + 1);
        batch.sessionsAfter(record + 1).forEach((key, session) ->
                sessions.put(key, new Remembered(session, false, firstSeen.get(key))));
        svmNames = batch.svmNamesAfter(record + 1);
        generation = last ? batch.generation() : batch.generation() - 1;
        lastPolledAt = last ? batch.observedAt() : batch.previousObservedAt();
        baselineKnown = true;
        snapshotPending = batch.snapshotInProgressAfter(record + 1);
        scope = batch.scope();
    }

    Map<SessionKey, Long> digests() {
        Map<SessionKey, Long> digests = new TreeMap<>();
        sessions.forEach((key, remembered) -> digests.put(key, SessionDigest.of(remembered.last())));
        return digests;
    }

    /** When each session was first seen, as the task must remember and store it. */
    Map<SessionKey, FirstSeen> firstSeen() {
        Map<SessionKey, FirstSeen> firstSeen = new TreeMap<>();
        sessions.forEach((key, remembered) -> firstSeen.put(key, remembered.firstSeen()));
        return firstSeen;
    }

    static Map<SessionKey, Long> digestsOf(Map<SessionKey, IscsiSession> sessions) {
        Map<SessionKey, Long> digests = new TreeMap<>();
        sessions.forEach((key, session) -> digests.put(key, SessionDigest.of(session)));
        return digests;
    }

    /** The session's last state if the task can know it, else null. */
    IscsiSession knownContent(SessionKey key) {
        Remembered remembered = sessions.get(key);
        return remembered != null && remembered.contentKnown() ? remembered.last() : null;
    }

    Map<String, String> svmNames() {
        return svmNames;
    }

    String scope() {
        return scope;
    }

    private List<SessionChange> changesTo(Map<SessionKey, IscsiSession> live, boolean snapshot, Instant observedAt) {
        List<SessionChange> changes = new ArrayList<>();
        TreeSet<SessionKey> keys = new TreeSet<>(sessions.keySet());
        keys.addAll(live.keySet());
        for (SessionKey key : keys) {
            Remembered old = sessions.get(key);
            IscsiSession now = live.get(key);
            if (now == null) {
                changes.add(logout(key, old));
            } else if (old == null) {
                changes.add(appeared(snapshot ? ChangeType.SNAPSHOT : ChangeType.LOGIN, now, observedAt));
            } else if (!sameLogin(old.last(), now)) {
                changes.add(logout(key, old));
                changes.add(appeared(ChangeType.LOGIN, now, observedAt));
            } else if (!byCid(old.last()).equals(byCid(now))) {
                changes.add(connectionChange(old, now));
            }
        }
        return changes;
    }

    private static boolean sameLogin(IscsiSession a, IscsiSession b) {
        return Objects.equals(a.isid(), b.isid())
                && Objects.equals(a.initiator() == null ? null : a.initiator().name(),
                b.initiator() == null ? null : b.initiator().name());
    }

    private SessionChange logout(SessionKey key, Remembered old) {
        IscsiSession state = old.contentKnown() ? old.last()
                : IscsiSession.keyOnly(key, svmNames.get(key.svmUuid()));
        return new SessionChange(ChangeType.LOGOUT, key, state, SessionDigest.of(old.last()), SessionDigest.NONE,
                null, null, old.firstSeen());
    }

    /** Seen logging in now, or (a snapshot) already logged in now. */
    private static SessionChange appeared(ChangeType type, IscsiSession now, Instant observedAt) {
        FirstSeen firstSeen = type == ChangeType.LOGIN ? FirstSeen.exactly(observedAt)
                : FirstSeen.atLeastSince(observedAt);
        return new SessionChange(type, now.key(), now, SessionDigest.NONE, SessionDigest.of(now), null, null,
                firstSeen);
    }

    private static SessionChange connectionChange(Remembered old, IscsiSession now) {
        List<Connection> added = null;
        List<Connection> removed = null;
        if (old.contentKnown()) {
            added = missingOrDifferent(byCid(now), byCid(old.last()));
            removed = missingOrDifferent(byCid(old.last()), byCid(now));
        }
        return new SessionChange(ChangeType.CONNECTION_CHANGE, now.key(), now, SessionDigest.of(old.last()),
                SessionDigest.of(now), added, removed, old.firstSeen());
    }

    private static List<Connection> missingOrDifferent(Map<Integer, Connection> from, Map<Integer, Connection> other) {
        return from.values().stream().filter(connection -> !connection.equals(other.get(connection.cid()))).toList();
    }

    private static Map<Integer, Connection> byCid(IscsiSession session) {
        Map<Integer, Connection> byCid = new TreeMap<>();
        session.connectionsOrEmpty().forEach(connection -> byCid.put(connection.cid(), connection));
        return byCid;
    }

    private static void learnSvmName(Map<String, String> names, IscsiSession session) {
        if (session.svm().name() != null) {
            names.put(session.svm().uuid(), session.svm().name());
        }
    }
}
