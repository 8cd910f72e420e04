package io.github.ontapkafka.iscsi.tracking;

import io.github.ontapkafka.iscsi.ontap.LiveSessions;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a task knows of one cluster between polls: the sessions it last saw, and the snapshot its last emitted record
 * stored. Owned by the task thread alone.
 */
public final class ClusterState {

    private final SessionTable tracked;
    private DigestSnapshot committed;
    private long generation;
    private Instant lastPolledAt;
    private boolean baselineKnown;
    private boolean snapshotPending;
    /** The {@code polled_at} of the offset the cluster's last record carried; see {@link #lastOffset}. */
    private Instant offsetPolledAt;

    private ClusterState(SessionTable tracked, DigestSnapshot committed, long generation,
                         Instant lastPolledAt, boolean baselineKnown, boolean snapshotPending) {
        this.tracked = tracked;
        this.committed = committed;
        this.generation = generation;
        this.lastPolledAt = lastPolledAt;
        this.baselineKnown = baselineKnown;
        this.snapshotPending = snapshotPending;
        this.offsetPolledAt = lastPolledAt;
    }

    /** A cluster without stored state: its first poll follows {@code snapshot.mode}. */
    public static ClusterState fresh() {
        return new ClusterState(SessionTable.empty(), DigestSnapshot.EMPTY, 0, null, false, false);
    }

    public static ClusterState restore(OffsetFormat.StoredState stored) {
        return new ClusterState(SessionTable.ofDigests(stored.sessions()), stored.sessions(), stored.generation(),
                stored.polledAt(), true, stored.snapshotInProgress());
    }

    /**
     * Diffs a complete poll against the remembered sessions and remembers the result. The caller emits the
     * returned batch; the state assumes it will be, as a Connect task's poll results always are.
     *
     * @throws E if a record is not a valid session or a key is listed twice; the state is then as it was
     */
    public <E extends Exception> ChangeBatch poll(LiveSessions<E> live, Instant observedAt, SnapshotMode mode) throws E {
        Instant previous = lastPolledAt;
        boolean firstRun = !baselineKnown;
        boolean snapshot = snapshotPending || firstRun;
        SessionDiff.Result diff = SessionDiff.compute(tracked, live, snapshot, committed.svmNames()::get);
        tracked.apply(diff.updates());
        lastPolledAt = observedAt;
        baselineKnown = true;
        snapshotPending = false;
        if (firstRun && mode == SnapshotMode.NEVER) {
            committed = DigestSnapshot.of(tracked, svmNamesOf(diff.updates()));
            offsetPolledAt = observedAt;
            return new ChangeBatch(List.of(), generation, observedAt, previous, false, null);
        }
        if (diff.changes().isEmpty()) {
            if (firstRun) {
                offsetPolledAt = observedAt;
            }
            return new ChangeBatch(List.of(), generation, observedAt, previous, false, null);
        }
        // Keys of the table's own, so that the snapshots kept share them (the table has just taken the changes in).
        BatchStates states = new BatchStates(committed, ChangeDigests.of(diff.changes(), tracked::canonical));
        generation++;
        committed = states.after();
        offsetPolledAt = observedAt;
        return new ChangeBatch(diff.changes(), generation, observedAt, previous, snapshot, states);
    }

    /**
     * The offset of the cluster's last record, or of the state a first poll found when it emitted nothing: what
     * records that report on the cluster without changing its state (health records) carry. Null before the first
     * poll of a cluster without stored state. Built anew for each such record, so that no encoding of the state
     * outlives the record that carries it.
     */
    public Map<String, Object> lastOffset() {
        if (!baselineKnown) {
            return null;
        }
        return new StateOffset(new BatchStates(committed, ChangeDigests.NONE), 0, generation, offsetPolledAt,
                snapshotPending);
    }

    public int sessionCount() {
        return tracked.size();
    }

    /** The sessions remembered between polls, to be compared with what the emitted offsets say. */
    SessionTable tracked() {
        return tracked;
    }

    /** The SVM names of a first poll's sessions, all of which it read. */
    private static Map<String, String> svmNamesOf(List<SessionUpdate> firstPoll) {
        Map<String, String> names = new HashMap<>();
        for (SessionUpdate update : firstPoll) {
            if (update.session() != null && update.session().svm().name() != null) {
                names.put(update.key().svmUuid(), update.session().svm().name());
            }
        }
        return names;
    }
}
