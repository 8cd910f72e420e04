package io.github.ontapkafka.iscsi.event;

import io.github.ontapkafka.iscsi.tracking.SnapshotMode;
import io.github.ontapkafka.iscsi.model.ClusterIdentity;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.ontap.SessionScope;
import io.github.ontapkafka.iscsi.tracking.ChangeBatch;
import io.github.ontapkafka.iscsi.tracking.ClusterState;
import io.github.ontapkafka.iscsi.tracking.OffsetFormat;
import org.apache.kafka.connect.data.ConnectSchema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import static io.github.ontapkafka.iscsi.fixtures.Sessions.connection;
import static io.github.ontapkafka.iscsi.fixtures.Sessions.live;
import static io.github.ontapkafka.iscsi.fixtures.Sessions.session;
import static org.assertj.core.api.Assertions.assertThat;

class EventRecordsTest {

    private static final ClusterIdentity CLUSTER = new ClusterIdentity("4ea7a442-86d1-11e0-ae1c-123478563412", "cluster1");
    private static final Instant T1 = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant T2 = T1.plusSeconds(30);

    private final EventRecords records = new EventRecords("ontap.iscsi.sessions");

    @Test
    void buildsRecordsThatMatchTheirSchemas() {
        ClusterState state = ClusterState.fresh();
        IscsiSession a = session(1, "iqn.a", connection(1));
        state.poll(live(a), T1, SnapshotMode.INITIAL, SessionScope.ALL);
        ChangeBatch batch = state.poll(live(session(1, "iqn.a", connection(1), connection(2))), T2,
                SnapshotMode.INITIAL, SessionScope.ALL);

        List<SourceRecord> built = records.of(CLUSTER, OffsetFormat.partition(CLUSTER.uuid()), batch);

        assertThat(built).singleElement().satisfies(record -> {
            ConnectSchema.validateValue(record.keySchema(), record.key());
            ConnectSchema.validateValue(record.valueSchema(), record.value());
            assertThat(record.topic()).isEqualTo("ontap.iscsi.sessions");
            assertThat(record.timestamp()).isEqualTo(T2.toEpochMilli());
            assertThat(record.sourcePartition()).isEqualTo(OffsetFormat.partition(CLUSTER.uuid()));
            Struct value = (Struct) record.value();
            assertThat(value.getString("event_type")).isEqualTo("CONNECTION_CHANGE");
            assertThat(value.get("observed_at")).isEqualTo(Date.from(T2));
            assertThat(value.get("previous_observed_at")).isEqualTo(Date.from(T1));
            assertThat(value.getStruct("cluster").getString("name")).isEqualTo("cluster1");
            assertThat(value.getArray("connections_added")).hasSize(1);
            assertThat(value.getArray("connections_removed")).isEmpty();
            assertThat(((Struct) record.key()).getInt32("tsih")).isEqualTo(1);
        });
    }

    @Test
    void aKeyOnlyLogoutIsAValidRecord() {
        ClusterState state = ClusterState.fresh();
        IscsiSession a = session(1, "iqn.a", connection(1));
        ChangeBatch first = state.poll(live(a), T1, SnapshotMode.INITIAL, SessionScope.ALL);
        ClusterState restored = ClusterState.restore(OffsetFormat.parse(first.offsetAfter(0)));

        ChangeBatch logout = restored.poll(live(), T2, SnapshotMode.INITIAL, SessionScope.ALL);
        SourceRecord record = records.of(CLUSTER, OffsetFormat.partition(CLUSTER.uuid()), logout).get(0);

        ConnectSchema.validateValue(record.valueSchema(), record.value());
        Struct session = ((Struct) record.value()).getStruct("session");
        assertThat(session.getStruct("svm").getString("name")).isEqualTo("svm1");
        assertThat(session.get("initiator")).isNull();
        assertThat(session.get("connections")).isNull();
    }

    /**
     * A session's lifetime: a SNAPSHOT is seen at least since its poll, a LOGIN exactly at its own; a LOGOUT after a
     * restart still knows both from the offset and says how long each session lasted.
     */
    @Test
    void eventsTellWhenTheirSessionWasFirstSeenAndALogoutHowLongItLasted() {
        Instant t3 = T2.plusSeconds(3600).plusMillis(250);
        ClusterState state = ClusterState.fresh();
        IscsiSession present = session(1, "iqn.present", connection(1));
        IscsiSession arriving = session(2, "iqn.arriving", connection(1));
        Struct snapshot = value(state.poll(live(present), T1, SnapshotMode.INITIAL, SessionScope.ALL), 0);
        ChangeBatch login = state.poll(live(present, arriving), T2, SnapshotMode.INITIAL, SessionScope.ALL);
        ClusterState restored = ClusterState.restore(OffsetFormat.parse(login.offsetAfter(0)));

        ChangeBatch logouts = restored.poll(live(), t3, SnapshotMode.INITIAL, SessionScope.ALL);

        assertThat(lifetime(snapshot)).isEqualTo("SNAPSHOT " + T1 + " lower bound, lasted null");
        assertThat(lifetime(value(login, 0))).isEqualTo("LOGIN " + T2 + " exactly, lasted null");
        assertThat(lifetime(value(logouts, 0))).isEqualTo("LOGOUT " + T1 + " lower bound, lasted 3630250");
        assertThat(lifetime(value(logouts, 1))).isEqualTo("LOGOUT " + T2 + " exactly, lasted 3600250");
    }

    private Struct value(ChangeBatch batch, int index) {
        SourceRecord record = records.of(CLUSTER, OffsetFormat.partition(CLUSTER.uuid()), batch).get(index);
        ConnectSchema.validateValue(record.valueSchema(), record.value());
        return (Struct) record.value();
    }

    private static String lifetime(Struct value) {
        return value.getString("event_type") + " " + ((Date) value.get("first_seen_at")).toInstant()
                + (value.getBoolean("first_seen_is_lower_bound") ? " lower bound" : " exactly")
                + ", lasted " + value.getInt64("duration_ms");
    }

    @Test
    void eventIdsAreDeterministicUuids() {
        ClusterState one = ClusterState.fresh();
        ClusterState two = ClusterState.fresh();
        IscsiSession a = session(1, "iqn.a", connection(1));

        String first = ((Struct) records.of(CLUSTER, OffsetFormat.partition(CLUSTER.uuid()),
                one.poll(live(a), T1, SnapshotMode.INITIAL, SessionScope.ALL)).get(0).value()).getString("event_id");
        String again = ((Struct) records.of(CLUSTER, OffsetFormat.partition(CLUSTER.uuid()),
                two.poll(live(a), T2, SnapshotMode.INITIAL, SessionScope.ALL)).get(0).value()).getString("event_id");

        assertThat(first).isEqualTo(again).matches("[0-9a-f-]{36}");
        assertThat(java.util.UUID.fromString(first).version()).isEqualTo(8);
    }
}
