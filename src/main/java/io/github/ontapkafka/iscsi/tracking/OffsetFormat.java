package io.github.ontapkafka.iscsi.tracking;

import java.time.Instant;
import java.util.Map;

/**
 * The layout of a cluster's source partition and offset. The offset is the cluster's state after the record that
 * carries it: {@code format} (1), {@code generation} (change batches fully emitted), {@code polled_at} (epoch millis
 * of the last poll fully reflected; absent before the first), {@code snapshot_in_progress} (true while a snapshot,
 * of a first run or a rescope, is only partly emitted), {@code scope} and {@code sessions} (see {@link StateCodec}).
 *
 * <p>{@code scope} is the canonical form of the filter the sessions were listed under
 * ({@link io.github.ontapkafka.iscsi.ontap.SessionScope#canonical}), absent for all sessions: offsets written before
 * there were filters read as unfiltered, and the format stays 1. A poll under another scope than the stored one is a
 * <em>rescope</em>: the sessions the stored state has but the new listing lacks are forgotten without a
 * {@code LOGOUT}, and those it lists anew are a snapshot, as at a first poll (see {@link SnapshotMode}). Every record
 * of that batch carries the new scope, so a task resuming from any of them does not take its departures for logouts;
 * {@code snapshot_in_progress} makes it finish the snapshot. Scopes are compared as text: the same filter in another
 * form would only cause a rescope, never an event.
 */
public final class OffsetFormat {

    public static final String PARTITION_CLUSTER_UUID = "cluster_uuid";
    public static final String FORMAT = "format";
    public static final String GENERATION = "generation";
    public static final String POLLED_AT = "polled_at";
    public static final String SNAPSHOT_IN_PROGRESS = "snapshot_in_progress";
    public static final String SCOPE = "scope";
    public static final String SESSIONS = "sessions";
    public static final int CURRENT_FORMAT = 1;

    private OffsetFormat() {
    }

    public static Map<String, Object> partition(String clusterUuid) {
        return Map.of(PARTITION_CLUSTER_UUID, clusterUuid);
    }

    /** Reads a stored offset, or throws {@link UnusableOffsetException} naming the field that is wrong. */
    public static StoredState parse(Map<String, ?> offset) {
        Object format = offset.get(FORMAT);
        if (!(format instanceof Number number) || number.intValue() != CURRENT_FORMAT) {
            throw new UnusableOffsetException("offset field '" + FORMAT + "' is " + format + ", expected "
                    + CURRENT_FORMAT);
        }
        long generation = number(offset, GENERATION);
        if (generation < 0) {
            throw new UnusableOffsetException("offset field '" + GENERATION + "' is negative");
        }
        Long polledAt = offset.containsKey(POLLED_AT) && offset.get(POLLED_AT) != null
                ? number(offset, POLLED_AT) : null;
        Object inProgress = offset.get(SNAPSHOT_IN_PROGRESS);
        if (inProgress != null && !(inProgress instanceof Boolean)) {
            throw new UnusableOffsetException("offset field '" + SNAPSHOT_IN_PROGRESS + "' is not a boolean");
        }
        Object scope = offset.get(SCOPE);
        if (scope != null && !(scope instanceof String)) {
            throw new UnusableOffsetException("offset field '" + SCOPE + "' is not a string");
        }
        Object sessions = offset.get(SESSIONS);
        if (!(sessions instanceof String encoded)) {
            throw new UnusableOffsetException("offset field '" + SESSIONS + "' is missing or not a string");
        }
        Instant polled = polledAt == null ? null : Instant.ofEpochMilli(polledAt);
        // Sessions stored without first-seen times were logged in at least since the poll the offset reflects.
        FirstSeen firstSeenBefore = polled == null ? null : FirstSeen.atLeastSince(polled);
        return new StoredState(generation, polled, Boolean.TRUE.equals(inProgress), scope == null ? "" : (String) scope,
                StateCodec.decode(encoded, firstSeenBefore));
    }

    private static long number(Map<String, ?> offset, String field) {
        Object value = offset.get(field);
        if (value instanceof Number number && !(value instanceof Double) && !(value instanceof Float)) {
            return number.longValue();
        }
        throw new UnusableOffsetException("offset field '" + field + "' is " + (value == null ? "missing"
                : "not an integer") + ", expected an integer");
    }

    /**
     * A cluster's state as read back from an offset.
     *
     * @param scope the canonical form of the scope of the sessions, "" for all sessions
     */
    public record StoredState(long generation, Instant polledAt, boolean snapshotInProgress, String scope,
                              DigestSnapshot sessions) {
    }
}
