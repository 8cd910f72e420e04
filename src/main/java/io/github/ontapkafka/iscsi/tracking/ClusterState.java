package io.github.ontapkafka.iscsi.tracking;

import io.github.ontapkafka.iscsi.ontap.LiveSessions;
import io.github.ontapkafka.iscsi.ontap.SessionScope;

import java.time.Instant;
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
    /** The canonical form of the scope the tracked sessions were listed under, "" for all sessions. */
    private String scope;
    /** The {@code polled_at} of the offset the cluster's last record carried; see {@link #lastOffset}. */
    private Instant offsetPolledAt;

    private ClusterState(SessionTable tracked, DigestSnapshot committed, long generation, Instant lastPolledAt,
                         boolean baselineKnown, boolean snapshotPending, String scope) {
        this.tracked = tracked;
        this.committed = committed;
        this.generation = generation;
        this.lastPolledAt = lastPolledAt;
        this.baselineKnown = baselineKnown;
        this.snapshotPending = snapshotPending;
        this.scope = scope;
        this.offsetPolledAt = lastPolledAt;
    }

    /** A cluster without stored state: its first poll follows {@code snapshot.mode}. */
    public static ClusterState fresh() {
        return new ClusterState(SessionTable.empty(), DigestSnapshot.EMPTY, 0, null, false, false,
                SessionScope.ALL.canonical());
    }

    public static ClusterState restore(OffsetFormat.StoredState stored) {
        if (stored.firstPollPending()) {
            return fresh();
        }
        return new ClusterState(SessionTable.ofDigests(stored.sessions()), stored.sessions(), stored.generation(),
                stored.polledAt(), true, stored.snapshotInProgress(), stored.scope());
    }

    /**
     * Diffs a complete poll against the remembered sessions and remembers the result. The caller emits the
     * returned batch; the state assumes it will be, as a Connect task's poll results always are.
     *
     * <p>The first poll, and the first under another scope than the remembered sessions were listed under, start a
     * new baseline: sessions no longer listed are forgotten without an event, and those listed anew follow
     * {@code mode}. Sessions listed before and now are compared as at any poll.
     *
     * @param scope the filter the cluster applied to {@code live}
     * @throws E if a record is not a valid session or a key is listed twice; the state is then as it was
     */
    public <E extends Exception> ChangeBatch poll(LiveSessions<E> live, Instant observedAt, SnapshotMode mode,
                                                  SessionScope scope) throws E {
        Instant previous = lastPolledAt;
        String listedUnder = scope.canonical();
        boolean newBaseline = !baselineKnown || !listedUnder.equals(this.scope);
        Membership membership = Membership.of(newBaseline, snapshotPending, mode);
        SessionDiff.Result diff = SessionDiff.compute(tracked, live, membership, committed.svmNames()::get,
                committed::firstSeen, observedAt);
        // Only the records of changes without an event carry the state before the poll: taken before it changes.
        Map<String, Object> offsetBeforePoll = diff.unreported().isEmpty() ? null
                : baselineKnown ? lastOffset() : OffsetFormat.beforeFirstPoll();
        tracked.apply(diff.updates());
        lastPolledAt = observedAt;
        baselineKnown = true;
        snapshotPending = false;
        this.scope = listedUnder;
        // Keys of the table's own, so that the snapshots kept share them (the table has just taken the changes in).
        DigestSnapshot baseline = committed.apply(ChangeDigests.of(diff.unreported(), tracked::canonical),
                diff.unreported().size());
        if (diff.changes().isEmpty()) {
            committed = baseline;
            if (newBaseline) {
                offsetPolledAt = observedAt;
            }
            return new ChangeBatch(List.of(), generation, observedAt, previous, listedUnder, diff.unreported(),
                    offsetBeforePoll, diff.unreported().isEmpty() ? null : new BatchStates(baseline, ChangeDigests.NONE));
        }
        BatchStates states = new BatchStates(baseline, ChangeDigests.of(diff.changes(), tracked::canonical));
        generation++;
        committed = states.after();
        offsetPolledAt = observedAt;
        return new ChangeBatch(diff.changes(), generation, observedAt, previous, listedUnder, diff.unreported(),
                offsetBeforePoll, states);
    }

    /**
     * The offset of the cluster's last record, or of the new baseline a first poll or a rescope found when it
     * emitted nothing: what records that report on the cluster without changing its state (health records) carry.
     * Null before the first poll of a cluster without stored state. Built anew for each such record, so that no
     * encoding of the state outlives the record that carries it.
     */
    public Map<String, Object> lastOffset() {
        if (!baselineKnown) {
            return null;
        }
        return new StateOffset(new BatchStates(committed, ChangeDigests.NONE), 0, generation, offsetPolledAt,
                snapshotPending, scope);
    }

    public int sessionCount() {
        return tracked.size();
    }

    /** The sessions remembered between polls, to be compared with what the emitted offsets say. */
    SessionTable tracked() {
        return tracked;
    }
}
