package io.github.ontapkafka.iscsi.event;

import io.github.ontapkafka.iscsi.model.ClusterIdentity;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.ontap.SessionScope;
import io.github.ontapkafka.iscsi.tracking.ChangeBatch;
import io.github.ontapkafka.iscsi.tracking.ClusterState;
import io.github.ontapkafka.iscsi.tracking.OffsetFormat;
import io.github.ontapkafka.iscsi.tracking.SnapshotMode;
import org.apache.kafka.connect.data.ConnectSchema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.github.ontapkafka.iscsi.fixtures.Sessions.connection;
import static io.github.ontapkafka.iscsi.fixtures.Sessions.live;
import static io.github.ontapkafka.iscsi.fixtures.Sessions.session;
import static org.assertj.core.api.Assertions.assertThat;

class TableRecordsTest {

    private static final ClusterIdentity CLUSTER = new ClusterIdentity("4ea7a442-86d1-11e0-ae1c-123478563412", "cluster1");
    private static final Map<String, Object> PARTITION = OffsetFormat.partition(CLUSTER.uuid());
    private static final Instant T1 = Instant.parse("2026-11-30T10:00:00Z");
    private static final String TABLE = "ontap.iscsi.sessions.current";

    private final EventRecords events = new EventRecords("ontap.iscsi.sessions");
    private final TableRecords table = new TableRecords(TABLE);

    private final IscsiSession a = session(1, "iqn.a", connection(1));
    private final IscsiSession aReconnected = session(1, "iqn.a", connection(1), connection(2));
    private final IscsiSession b = session(2, "iqn.b", connection(1));
    private final IscsiSession bByAnother = session(2, "iqn.other", connection(1));
    private final IscsiSession c = session(3, "iqn.c", connection(1));

    private List<SourceRecord> records(ChangeBatch batch) {
        return table.with(CLUSTER, PARTITION, batch, events.of(CLUSTER, PARTITION, batch));
    }

    @Test
    void eachEventComesAfterItsTableRecordWhichHoldsTheSessionAsItIsNowOrATombstone() {
        ClusterState state = ClusterState.fresh();
        records(state.poll(live(a, b), T1, SnapshotMode.INITIAL, SessionScope.ALL));

        List<SourceRecord> records = records(state.poll(live(aReconnected, bByAnother), T1.plusSeconds(30),
                SnapshotMode.INITIAL, SessionScope.ALL));

        assertThat(records).extracting(TableRecordsTest::describe).containsExactly(
                TABLE + " 1 CONNECTION_CHANGE 2 connections", "ontap.iscsi.sessions 1 CONNECTION_CHANGE",
                TABLE + " 2 tombstone", "ontap.iscsi.sessions 2 LOGOUT",
                TABLE + " 2 LOGIN 1 connections", "ontap.iscsi.sessions 2 LOGIN");
        for (SourceRecord record : records) {
            ConnectSchema.validateValue(record.keySchema(), record.key());
            if (record.value() != null) {
                ConnectSchema.validateValue(record.valueSchema(), record.value());
            }
            assertThat(record.timestamp()).isEqualTo(T1.plusSeconds(30).toEpochMilli());
        }
        Struct current = (Struct) records.get(4).value();
        assertThat(current.getString("last_event_id")).isEqualTo(((Struct) records.get(5).value()).getString("event_id"));
        assertThat(current.getBoolean("first_seen_is_lower_bound")).isFalse();
        assertThat(records.get(2).valueSchema()).as("a tombstone has no schema, so converters write null").isNull();
    }

    @Test
    void sessionsTakenInWithoutAnEventStillEnterTheTable() {
        ClusterState state = ClusterState.fresh();

        List<SourceRecord> records = records(state.poll(live(a, b), T1, SnapshotMode.NEVER, SessionScope.ALL));

        assertThat(records).extracting(TableRecordsTest::describe)
                .containsExactly(TABLE + " 1 none 1 connections", TABLE + " 2 none 1 connections");
        assertThat(((Struct) records.get(0).value()).getBoolean("first_seen_is_lower_bound")).isTrue();
        assertThat(ClusterState.restore(OffsetFormat.parse(records.get(0).sourceOffset()))
                .poll(live(a, b), T1, SnapshotMode.NEVER, SessionScope.ALL).unreported())
                .as("resuming before the last table record takes the sessions in again").hasSize(2);
        assertThat(ClusterState.restore(OffsetFormat.parse(records.get(1).sourceOffset()))
                .poll(live(a, b), T1, SnapshotMode.NEVER, SessionScope.ALL).unreported())
                .as("resuming after it has them all").isEmpty();
    }

    /**
     * At-least-once: the worker commits the offset of any record once it and all before it are written. Whichever
     * record that is, the task resuming from its offset writes the rest again, so that the table read to its end
     * holds exactly the live sessions and the events replay to them.
     */
    @Test
    void resumingFromAnyRecordLeavesATableOfExactlyTheLiveSessions() {
        SessionScope onlyC = SessionScope.parse("tsih=3");
        List<List<IscsiSession>> polls = List.of(List.of(a, b), List.of(aReconnected, bByAnother, c), List.of(c),
                List.of(a, c), List.of());
        // The third poll narrows the scope (a and b leave the table without an event), the fourth widens it again.
        List<SessionScope> scopes = List.of(SessionScope.ALL, SessionScope.ALL, onlyC, SessionScope.ALL,
                SessionScope.ALL);
        for (SnapshotMode mode : SnapshotMode.values()) {
            ClusterState state = ClusterState.fresh();
            List<SourceRecord> written = new ArrayList<>();
            Instant at = T1;
            for (int poll = 0; poll < polls.size(); poll++) {
                List<IscsiSession> sessions = polls.get(poll);
                SessionScope scope = scopes.get(poll);
                List<SourceRecord> records = records(state.poll(live(sessions), at, mode, scope));
                for (int k = 0; k < records.size(); k++) {
                    List<SourceRecord> resumed = new ArrayList<>(written);
                    resumed.addAll(records.subList(0, k + 1));
                    ClusterState restarted = ClusterState.restore(OffsetFormat.parse(records.get(k).sourceOffset()));
                    resumed.addAll(records(restarted.poll(live(sessions), at.plusSeconds(1), mode, scope)));

                    assertThat(tableOf(resumed)).as("table, %s, resumed after record %d at %s", mode, k, at)
                            .isEqualTo(keysOf(sessions));
                    List<SourceRecord> uninterrupted = new ArrayList<>(written);
                    uninterrupted.addAll(records);
                    assertThat(replayOf(resumed)).as("events, %s, resumed after record %d at %s", mode, k, at)
                            .isEqualTo(replayOf(uninterrupted));
                }
                written.addAll(records);
                at = at.plusSeconds(30);
            }
        }
    }

    private static String describe(SourceRecord record) {
        int tsih = ((Struct) record.key()).getInt32("tsih");
        Struct value = (Struct) record.value();
        if (!record.topic().equals(TABLE)) {
            return record.topic() + " " + tsih + " " + value.getString("event_type");
        }
        if (value == null) {
            return record.topic() + " " + tsih + " tombstone";
        }
        String event = value.getString("last_event_type");
        return record.topic() + " " + tsih + " " + (event == null ? "none" : event) + " "
                + value.getStruct("session").getArray("connections").size() + " connections";
    }

    /** The keys a compacted table topic keeps after {@code records}, in order. */
    private static TreeSet<Integer> tableOf(List<SourceRecord> records) {
        Map<Integer, Object> table = new TreeMap<>();
        for (SourceRecord record : records) {
            if (record.topic().equals(TABLE)) {
                int tsih = ((Struct) record.key()).getInt32("tsih");
                if (record.value() == null) {
                    table.remove(tsih);
                } else {
                    table.put(tsih, record.value());
                }
            }
        }
        return new TreeSet<>(table.keySet());
    }

    /** The keys the events of {@code records} leave logged in, replayed in order. */
    private static TreeSet<Integer> replayOf(List<SourceRecord> records) {
        TreeSet<Integer> live = new TreeSet<>();
        for (SourceRecord record : records) {
            if (!record.topic().equals(TABLE)) {
                int tsih = ((Struct) record.key()).getInt32("tsih");
                if (((Struct) record.value()).getString("event_type").equals("LOGOUT")) {
                    live.remove(tsih);
                } else {
                    live.add(tsih);
                }
            }
        }
        return live;
    }

    private static TreeSet<Integer> keysOf(List<IscsiSession> sessions) {
        TreeSet<Integer> keys = new TreeSet<>();
        sessions.forEach(session -> keys.add(session.tsih()));
        return keys;
    }
}
