package io.github.ontapkafka.iscsi.state;

import io.github.ontapkafka.iscsi.config.SnapshotMode;
import io.github.ontapkafka.iscsi.diff.SessionDiff;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.SessionKey;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a task knows of one cluster between polls: the sessions it last saw, and the snapshot its last emitted record
 * stored. Owned by the task thread alone.
 */
public final class ClusterState {

    private Map<SessionKey, TrackedSession> tracked;
    private DigestSnapshot committed;
    private long generation;
    private Instant lastPolledAt;
    private boolean baselineKnown;
    private boolean snapshotPending;

    private ClusterState(Map<SessionKey, TrackedSession> tracked, DigestSnapshot committed, long generation,
                         Instant lastPolledAt, boolean baselineKnown, boolean snapshotPending) {
        this.tracked = tracked;
        this.committed = committed;
        this.generation = generation;
        this.lastPolledAt = lastPolledAt;
        this.baselineKnown = baselineKnown;
        this.snapshotPending = snapshotPending;
    }

    /** A cluster without stored state: its first poll follows {@code snapshot.mode}. */
    public static ClusterState fresh() {
        return new ClusterState(new HashMap<>(), DigestSnapshot.EMPTY, 0, null, false, false);
    }

    public static ClusterState restore(OffsetFormat.StoredState stored) {
        return new ClusterState(stored.sessions().toTracked(), stored.sessions(), stored.generation(),
                stored.polledAt(), true, stored.snapshotInProgress());
    }

    /**
     * Diffs a complete poll against the remembered sessions and remembers the result. The caller emits the
     * returned batch; the state assumes it will be, as a Connect task's poll results always are.
     */
    public ChangeBatch poll(Map<SessionKey, IscsiSession> live, Instant observedAt, SnapshotMode mode) {
        Instant previous = lastPolledAt;
        boolean firstRun = !baselineKnown;
        boolean snapshot = snapshotPending || firstRun;
        SessionDiff.Result diff = SessionDiff.compute(tracked, live, snapshot, committed.svmNames()::get);
        tracked = diff.next();
        lastPolledAt = observedAt;
        baselineKnown = true;
        snapshotPending = false;
        if (firstRun && mode == SnapshotMode.NEVER) {
            committed = DigestSnapshot.of(tracked, svmNamesOf(live));
            return new ChangeBatch(List.of(), generation, observedAt, previous, false, committed);
        }
        if (diff.changes().isEmpty()) {
            return new ChangeBatch(List.of(), generation, observedAt, previous, false, committed);
        }
        DigestSnapshot base = committed;
        generation++;
        committed = base.apply(diff.changes(), diff.changes().size());
        return new ChangeBatch(diff.changes(), generation, observedAt, previous, snapshot, base);
    }

    public int sessionCount() {
        return tracked.size();
    }

    private static Map<String, String> svmNamesOf(Map<SessionKey, IscsiSession> live) {
        Map<String, String> names = new HashMap<>();
        for (IscsiSession session : live.values()) {
            if (session.svm().name() != null) {
                names.put(session.svm().uuid(), session.svm().name());
            }
        }
        return names;
    }
}
