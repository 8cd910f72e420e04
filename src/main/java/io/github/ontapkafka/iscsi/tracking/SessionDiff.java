package io.github.ontapkafka.iscsi.tracking;

import io.github.ontapkafka.iscsi.ontap.LiveSessions;
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
import java.util.function.Function;

/**
 * Compares what a cluster reported with what the task remembers, and returns the changes in key order (a logout
 * before the login that reuses its key), so that a replay of the same poll yields the same events in the same order.
 * A snapshot's {@code SNAPSHOT}s come first: a task resuming from the middle of the batch tells the sessions still to
 * be reported so from those that logged in only while the snapshot is unfinished, so the batch's other changes, a
 * logout and the login that reuses its key among them, must come after it to be replayed as they were.
 *
 * <p>Most records of a poll are byte for byte those of the previous one. Those are recognised by their fingerprint
 * and never read: the work of a poll beyond scanning its pages grows with what changed, not with the cluster.
 */
public final class SessionDiff {

    private static final Comparator<SessionChange> BY_KEY = Comparator.comparing(SessionChange::key);
    /** Arrivals reported as a snapshot before the other changes, each in key order: see the class comment. */
    private static final Comparator<SessionChange> SNAPSHOTS_FIRST = Comparator
            .comparing((SessionChange change) -> change.type() != ChangeType.SNAPSHOT).thenComparing(BY_KEY);
    /** Sessions gone before sessions come, so that the SVM names of records listed now outlast those seen earlier. */
    private static final Comparator<SessionChange> DEPARTURES_FIRST = Comparator
            .comparing((SessionChange change) -> change.type() != ChangeType.LOGOUT).thenComparing(BY_KEY);

    private SessionDiff() {
    }

    /**
     * Changes nothing in {@code before} but its marks of the sessions this poll shows unchanged: the caller
     * {@linkplain SessionTable#apply applies} the result's updates.
     *
     * @param before   the remembered sessions
     * @param live     the records the cluster returned now
     * @param membership what to report of the sessions that appear in or are gone from the listing
     * @param svmNames SVM names by UUID, to name the SVM of a session that logged out unseen; those the unreported
     *                 changes carry take precedence, as they would in the state a restart midway resumes from
     * @param firstSeen when each remembered session was first seen; sessions that appear now are first seen at
     *                 {@code observedAt}, exactly if they logged in, as a lower bound if they are a snapshot
     * @throws E if a record that has to be read is not a valid session, or a key is listed twice
     */
    public static <E extends Exception> Result compute(SessionTable before, LiveSessions<E> live, Membership membership,
                                                       Function<String, String> svmNames,
                                                       Function<SessionKey, FirstSeen> firstSeen, Instant observedAt)
            throws E {
        List<Integer> unknown = before.markUnchanged(live);
        int unchanged = live.size() - unknown.size();
        Map<SessionKey, Read> read = new HashMap<>();
        for (int i : unknown) {
            IscsiSession session = live.session(i);
            SessionKey key = session.key();
            TrackedSession old = before.get(key);
            if ((old != null && before.markedUnchanged(old))
                    || read.putIfAbsent(key, new Read(session, live.fingerprint(i))) != null) {
                throw live.listedTwice(i, key);
            }
        }
        List<SessionChange> changes = new ArrayList<>();
        List<SessionChange> unreported = new ArrayList<>();
        List<SessionUpdate> updates = new ArrayList<>(read.size());
        if (unchanged < before.size()) {
            before.forEachNotMarked(old -> {
                if (!read.containsKey(old.key())) {
                    (membership.departuresReported() ? changes : unreported)
                            .add(logout(old.key(), before.content(old), old.digest(), svmNames,
                                    firstSeen.apply(old.key())));
                    updates.add(SessionUpdate.removal(old.key()));
                }
            });
        }
        List<SessionUpdate> kept = new ArrayList<>();
        for (Map.Entry<SessionKey, Read> entry : read.entrySet()) {
            SessionKey key = entry.getKey();
            IscsiSession session = entry.getValue().session();
            SessionUpdate update = new SessionUpdate(key, session, SessionDigest.of(session),
                    entry.getValue().fingerprint());
            updates.add(update);
            if (before.get(key) == null) {
                (membership.arrivalsReported() ? changes : unreported)
                        .add(appeared(membership.arrival(), key, session, update.digest(), observedAt));
            } else {
                kept.add(update);
            }
        }
        unreported.sort(DEPARTURES_FIRST);
        Function<String, String> names = withNamesOf(unreported, svmNames);
        for (SessionUpdate update : kept) {
            TrackedSession old = before.get(update.key());
            compare(old, before.content(old), update, firstSeen.apply(update.key()), observedAt, names, changes);
        }
        changes.sort(SNAPSHOTS_FIRST);
        return new Result(changes, unreported, updates);
    }

    /** {@code svmNames} overridden by the names the unreported changes carry, the last one of each SVM. */
    private static Function<String, String> withNamesOf(List<SessionChange> unreported,
                                                        Function<String, String> svmNames) {
        if (unreported.isEmpty()) {
            return svmNames;
        }
        Map<String, String> learnt = new HashMap<>();
        for (SessionChange change : unreported) {
            if (change.session().svm().name() != null) {
                learnt.put(change.key().svmUuid(), change.session().svm().name());
            }
        }
        return uuid -> learnt.containsKey(uuid) ? learnt.get(uuid) : svmNames.apply(uuid);
    }

    /**
     * A session whose record changed: a new login under the same key, a change of connections, or (no event) of
     * descriptive attributes only, whose new values the next event carries.
     *
     * @param last      the old session's content, null if only its digest is known
     * @param firstSeen when the old session was first seen
     */
    private static void compare(TrackedSession old, IscsiSession last, SessionUpdate now, FirstSeen firstSeen,
                                Instant observedAt, Function<String, String> svmNames, List<SessionChange> changes) {
        SessionKey key = now.key();
        boolean sameLogin = last != null ? last.isSameLoginAs(now.session())
                : SessionDigest.sameLogin(old.digest(), now.digest());
        if (!sameLogin) {
            changes.add(logout(key, last, old.digest(), svmNames, firstSeen));
            changes.add(appeared(ChangeType.LOGIN, key, now.session(), now.digest(), observedAt));
        } else if (old.digest() != now.digest()) {
            changes.add(connectionChange(key, old.digest(), last, now.session(), now.digest(), firstSeen));
        }
    }

    /** A session that appears: first seen now, exactly if it logged in, as a lower bound if it is a snapshot. */
    private static SessionChange appeared(ChangeType type, SessionKey key, IscsiSession now, long digest,
                                          Instant observedAt) {
        FirstSeen firstSeen = type == ChangeType.LOGIN ? FirstSeen.exactly(observedAt)
                : FirstSeen.atLeastSince(observedAt);
        return new SessionChange(type, key, now, SessionDigest.NONE, digest, null, null, firstSeen);
    }

    private static SessionChange logout(SessionKey key, IscsiSession last, long digest,
                                        Function<String, String> svmNames, FirstSeen firstSeen) {
        IscsiSession state = last != null ? last : IscsiSession.keyOnly(key, svmNames.apply(key.svmUuid()));
        return new SessionChange(ChangeType.LOGOUT, key, state, digest, SessionDigest.NONE, null, null, firstSeen);
    }

    private static SessionChange connectionChange(SessionKey key, long digestBefore, IscsiSession last,
                                                  IscsiSession now, long digestAfter, FirstSeen firstSeen) {
        List<Connection> added = null;
        List<Connection> removed = null;
        if (last != null) {
            Map<Integer, Connection> before = byCid(last.connectionsOrEmpty());
            Map<Integer, Connection> after = byCid(now.connectionsOrEmpty());
            added = missingOrDifferent(after, before);
            removed = missingOrDifferent(before, after);
        }
        return new SessionChange(ChangeType.CONNECTION_CHANGE, key, now, digestBefore, digestAfter, added, removed,
                firstSeen);
    }

    /** The connections of {@code from} that {@code other} lacks or holds in another state, in cid order. */
    private static List<Connection> missingOrDifferent(Map<Integer, Connection> from, Map<Integer, Connection> other) {
        List<Connection> result = new ArrayList<>();
        for (Connection connection : from.values()) {
            if (!Objects.equals(connection, other.get(connection.cid()))) {
                result.add(connection);
            }
        }
        return result;
    }

    private static Map<Integer, Connection> byCid(List<Connection> connections) {
        Map<Integer, Connection> map = new TreeMap<>();
        for (Connection connection : connections) {
            map.put(connection.cid(), connection);
        }
        return map;
    }

    /** A record read because it was not known byte for byte. */
    private record Read(IscsiSession session, long fingerprint) {
    }

    /**
     * The changes in emission order; those that change the tracked set without an event (sessions that left or
     * entered a new baseline), departures first, each in key order; and the updates that make the table remember
     * both.
     */
    public record Result(List<SessionChange> changes, List<SessionChange> unreported, List<SessionUpdate> updates) {
    }
}
