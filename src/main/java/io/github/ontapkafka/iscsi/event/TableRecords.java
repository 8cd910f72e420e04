package io.github.ontapkafka.iscsi.event;

import io.github.ontapkafka.iscsi.model.ClusterIdentity;
import io.github.ontapkafka.iscsi.tracking.ChangeBatch;
import io.github.ontapkafka.iscsi.tracking.ChangeType;
import io.github.ontapkafka.iscsi.tracking.SessionChange;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The records of the current-sessions table: for each change of the tracked sessions, the session as it is now
 * under its event's key, or a tombstone when it is gone, so that a compacted topic read to its end holds exactly the
 * live sessions.
 *
 * <p>Each goes just before its event and carries the offset <em>before</em> that event's change: a task that resumes
 * after the table record but before its event redoes the change, both records again, and one that resumes after the
 * event has both. The changes without an event (sessions that enter or leave a new baseline unreported) come first,
 * carrying the offset that redoes the whole poll, but the last of them when no event follows, which carries the state
 * after the poll.
 */
public final class TableRecords {

    private final String topic;

    public TableRecords(String topic) {
        this.topic = topic;
    }

    /**
     * The poll's records: {@code events} (as {@link EventRecords#of} built them from {@code batch}) with the table's
     * records among them.
     */
    public List<SourceRecord> with(ClusterIdentity cluster, Map<String, ?> partition, ChangeBatch batch,
                                   List<SourceRecord> events) {
        List<SourceRecord> records = new ArrayList<>(batch.unreported().size() + 2 * events.size());
        Struct clusterStruct = EventRecords.cluster(cluster);
        List<SessionChange> unreported = batch.unreported();
        for (int j = 0; j < unreported.size(); j++) {
            boolean settlesThePoll = j == unreported.size() - 1 && batch.isEmpty();
            records.add(record(cluster, partition, settlesThePoll ? batch.offsetBefore(0) : batch.offsetBeforePoll(),
                    batch, unreported.get(j), current(clusterStruct, unreported.get(j), batch, null)));
        }
        for (int i = 0; i < events.size(); i++) {
            SessionChange change = batch.changes().get(i);
            records.add(record(cluster, partition, batch.offsetBefore(i), batch, change,
                    current(clusterStruct, change, batch, (Struct) events.get(i).value())));
            records.add(events.get(i));
        }
        return records;
    }

    private SourceRecord record(ClusterIdentity cluster, Map<String, ?> partition, Map<String, ?> offset,
                                ChangeBatch batch, SessionChange change, Struct value) {
        return new SourceRecord(partition, offset, topic, null, EventSchemas.KEY, EventRecords.key(cluster, change),
                value == null ? null : EventSchemas.CURRENT_SESSION, value, batch.observedAt().toEpochMilli());
    }

    /** The session as it is after {@code change}, or null (a tombstone) if it is gone. */
    private static Struct current(Struct cluster, SessionChange change, ChangeBatch batch, Struct event) {
        if (change.type() == ChangeType.LOGOUT) {
            return null;
        }
        return EventRecords.withFirstSeen(new Struct(EventSchemas.CURRENT_SESSION), change.firstSeen())
                .put("cluster", cluster)
                .put("session", event != null ? event.getStruct("session") : EventRecords.session(change.session()))
                .put("observed_at", Date.from(batch.observedAt()))
                .put("last_event_id", event == null ? null : event.getString("event_id"))
                .put("last_event_type", event == null ? null : event.getString("event_type"));
    }
}
