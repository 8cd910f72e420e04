package io.github.ontapkafka.iscsi.tracking;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The offset of one record: the cluster's state after that record's event. Every record of a poll needs its own
 * state, yet a poll that logs in 20,000 sessions must not hold 20,000 encoded copies. So this map holds only a
 * reference to the poll's shared {@link BatchStates} plus a count, and encodes its {@code sessions} value when the
 * worker actually reads it — at offset commit, for the few records whose offsets are written.
 */
final class StateOffset extends AbstractMap<String, Object> {

    private final BatchStates states;
    private final int applied;
    private final long generation;
    private final Instant polledAt;
    private final boolean snapshotInProgress;
    /** The canonical form of the scope, "" for all sessions. */
    private final String scope;

    StateOffset(BatchStates states, int applied, long generation, Instant polledAt, boolean snapshotInProgress,
                String scope) {
        this.states = states;
        this.applied = applied;
        this.generation = generation;
        this.polledAt = polledAt;
        this.snapshotInProgress = snapshotInProgress;
        this.scope = scope;
    }

    /** Encodes when read, not when built: most records' offsets are never read (see {@link BatchStates}). */
    @Override
    public Set<Entry<String, Object>> entrySet() {
        return materialize().entrySet();
    }

    private Map<String, Object> materialize() {
        Map<String, Object> offset = new LinkedHashMap<>();
        offset.put(OffsetFormat.FORMAT, OffsetFormat.CURRENT_FORMAT);
        offset.put(OffsetFormat.GENERATION, generation);
        if (polledAt != null) {
            offset.put(OffsetFormat.POLLED_AT, polledAt.toEpochMilli());
        }
        if (snapshotInProgress) {
            offset.put(OffsetFormat.SNAPSHOT_IN_PROGRESS, true);
        }
        if (!scope.isEmpty()) {
            offset.put(OffsetFormat.SCOPE, scope);
        }
        offset.put(OffsetFormat.SESSIONS, states.encodedAfter(applied));
        return Collections.unmodifiableMap(offset);
    }

    /** Short on purpose: records are logged, and the encoded sessions can run to hundreds of kilobytes. */
    @Override
    public String toString() {
        return "{" + OffsetFormat.FORMAT + "=" + OffsetFormat.CURRENT_FORMAT + ", " + OffsetFormat.GENERATION + "="
                + generation + ", " + OffsetFormat.POLLED_AT + "=" + (polledAt == null ? "none" : polledAt.toEpochMilli())
                + (scope.isEmpty() ? "" : ", " + OffsetFormat.SCOPE + "=" + scope)
                + ", " + OffsetFormat.SESSIONS + "=<" + states.size() + " sessions + " + applied + " changes>}";
    }
}
