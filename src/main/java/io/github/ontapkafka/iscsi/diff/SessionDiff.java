package io.github.ontapkafka.iscsi.diff;

import io.github.ontapkafka.iscsi.model.Connection;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.SessionKey;
import io.github.ontapkafka.iscsi.state.SessionDigest;
import io.github.ontapkafka.iscsi.state.TrackedSession;

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
 */
public final class SessionDiff {

    private static final Comparator<SessionChange> BY_KEY = Comparator.comparing(SessionChange::key);

    private SessionDiff() {
    }

    /**
     * @param before   the remembered sessions
     * @param live     the sessions the cluster reports now
     * @param snapshot whether sessions without a predecessor are reported as {@code SNAPSHOT} rather than
     *                 {@code LOGIN} (the first poll of a cluster)
     * @param svmNames SVM names by UUID, to name the SVM of a session that logged out unseen
     */
    public static Result compute(Map<SessionKey, TrackedSession> before, Map<SessionKey, IscsiSession> live,
                                 boolean snapshot, Function<String, String> svmNames) {
        List<SessionChange> changes = new ArrayList<>();
        Map<SessionKey, TrackedSession> next = new HashMap<>(Math.max(16, live.size() * 4 / 3 + 1));
        for (Map.Entry<SessionKey, TrackedSession> entry : before.entrySet()) {
            if (!live.containsKey(entry.getKey())) {
                changes.add(logout(entry.getKey(), entry.getValue(), svmNames));
            }
        }
        for (IscsiSession session : live.values()) {
            SessionKey key = session.key();
            TrackedSession old = before.get(key);
            TrackedSession now = old != null && session.equals(old.session()) ? old : TrackedSession.of(session);
            next.put(key, now);
            if (old == null) {
                changes.add(appeared(snapshot ? ChangeType.SNAPSHOT : ChangeType.LOGIN, now));
            } else if (now != old) {
                compareTracked(key, old, now, svmNames, changes);
            }
        }
        changes.sort(BY_KEY);
        return new Result(changes, next);
    }

    private static void compareTracked(SessionKey key, TrackedSession old, TrackedSession now,
                                       Function<String, String> svmNames, List<SessionChange> changes) {
        boolean sameLogin = old.contentKnown()
                ? old.session().isSameLoginAs(now.session())
                : SessionDigest.sameLogin(old.digest(), now.digest());
        if (!sameLogin) {
            changes.add(logout(key, old, svmNames));
            changes.add(appeared(ChangeType.LOGIN, now));
        } else if (old.digest() != now.digest()) {
            changes.add(connectionChange(key, old, now));
        }
        // Otherwise only descriptive attributes changed: no event; the next event carries the new values.
    }

    private static SessionChange appeared(ChangeType type, TrackedSession now) {
        return new SessionChange(type, now.session().key(), now.session(), SessionDigest.NONE, now.digest(), null, null);
    }

    private static SessionChange logout(SessionKey key, TrackedSession old, Function<String, String> svmNames) {
        IscsiSession last = old.contentKnown() ? old.session() : IscsiSession.keyOnly(key, svmNames.apply(key.svmUuid()));
        return new SessionChange(ChangeType.LOGOUT, key, last, old.digest(), SessionDigest.NONE, null, null);
    }

    private static SessionChange connectionChange(SessionKey key, TrackedSession old, TrackedSession now) {
        List<Connection> added = null;
        List<Connection> removed = null;
        if (old.contentKnown()) {
            Map<Integer, Connection> before = byCid(old.session().connectionsOrEmpty());
            Map<Integer, Connection> after = byCid(now.session().connectionsOrEmpty());
            added = missingOrDifferent(after, before);
            removed = missingOrDifferent(before, after);
        }
        return new SessionChange(ChangeType.CONNECTION_CHANGE, key, now.session(), old.digest(), now.digest(), added,
                removed);
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

    /** The changes in emission order, and what the task remembers once they are all emitted. */
    public record Result(List<SessionChange> changes, Map<SessionKey, TrackedSession> next) {
    }
}
