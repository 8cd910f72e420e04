package io.github.ontapkafka.iscsi.state;

import io.github.ontapkafka.iscsi.diff.SessionChange;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The offset of one record: the cluster's state after that record's event. Every record of a poll needs its own
 * state, yet a poll that logs in 20,000 sessions must not hold 20,000 encoded copies. So this map holds only
 * references to the poll's shared base snapshot and change list plus a count, and encodes its {@code sessions} value
 * when the worker actually reads it — at offset commit, for the few records whose offsets are written.
 */
final class StateOffset extends AbstractMap<String, Object> {

    private final DigestSnapshot base;
    private final List<SessionChange> changes;
    private final int applied;
    private final long generation;
    private final Instant polledAt;
    private final boolean snapshotInProgress;

    StateOffset(DigestSnapshot base, List<SessionChange> changes, int applied, long generation, Instant polledAt,
                boolean snapshotInProgress) {
        this.base = base;
        this.changes = changes;
        this.applied = applied;
        this.generation = generation;
        this.polledAt = polledAt;
        this.snapshotInProgress = snapshotInProgress;
    }

    /**
     * Encodes afresh on every call rather than caching: a cache would turn any code path that reads every record's
     * offset into sessions x events of retained heap, while encoding costs about a millisecond per 20,000 sessions.
     */
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
        offset.put(OffsetFormat.SESSIONS, StateCodec.encode(base.apply(changes, applied)));
        return Collections.unmodifiableMap(offset);
    }

    /** Short on purpose: records are logged, and the encoded sessions can run to hundreds of kilobytes. */
    @Override
    public String toString() {
        return "{" + OffsetFormat.FORMAT + "=" + OffsetFormat.CURRENT_FORMAT + ", " + OffsetFormat.GENERATION + "="
                + generation + ", " + OffsetFormat.POLLED_AT + "=" + (polledAt == null ? "none" : polledAt.toEpochMilli())
                + ", " + OffsetFormat.SESSIONS + "=<" + base.size() + " sessions + " + applied + " changes>}";
    }
}
