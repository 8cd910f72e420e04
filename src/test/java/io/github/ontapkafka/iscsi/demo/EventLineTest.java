package io.github.ontapkafka.iscsi.demo;

import io.apicurio.registry.utils.converter.avro.AvroData;
import io.apicurio.registry.utils.converter.avro.AvroDataConfig;
import io.github.ontapkafka.iscsi.tracking.SnapshotMode;
import io.github.ontapkafka.iscsi.event.EventRecords;
import io.github.ontapkafka.iscsi.event.HealthRecords;
import io.github.ontapkafka.iscsi.event.HealthReport;
import io.github.ontapkafka.iscsi.fixtures.AvroContract;
import io.github.ontapkafka.iscsi.model.ClusterIdentity;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.ontap.SessionScope;
import io.github.ontapkafka.iscsi.tracking.ClusterState;
import io.github.ontapkafka.iscsi.tracking.OffsetFormat;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.github.ontapkafka.iscsi.fixtures.Sessions.connection;
import static io.github.ontapkafka.iscsi.fixtures.Sessions.live;
import static io.github.ontapkafka.iscsi.fixtures.Sessions.session;
import static org.assertj.core.api.Assertions.assertThat;

/** Events built by the connector's own code, converted to Avro as the worker's converter does, then shown. */
class EventLineTest {

    private static final ClusterIdentity CLUSTER = new ClusterIdentity("4ea7a442-86d1-11e0-ae1c-123478563412",
            "cluster1");
    private static final String WINDOWS = "iqn.1991-05.com.microsoft:db-host-001.corp.example.com";
    private static final String LINUX = "iqn.1994-05.com.redhat:a47c6efa9e1f";
    private static final AvroData AVRO = new AvroData(new AvroDataConfig(AvroContract.CONVERTER_SETTINGS));

    private final ClusterState state = ClusterState.fresh();
    private final EventRecords records = new EventRecords("ontap.iscsi.sessions");
    private final EventLine lines = new EventLine(Palette.PLAIN, ZoneOffset.UTC);
    private Instant now = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void aLoginShowsWhenWhereWhoFromWhereAndHow() {
        poll();

        List<String> shown = poll(session(7, WINDOWS, connection(1), connection(2, "192.0.2.99")));

        assertThat(shown).containsExactly("10:00:30  LOGIN              cluster1     svm1         iscsi_lif1    "
                + "    7  microsoft:db-host-001   192.0.2.11,192.0.2.99     2 connections, chap");
    }

    @Test
    void sessionsPresentAtTheFirstPollAreASnapshot() {
        assertThat(poll(session(7, LINUX, connection(1)))).singleElement().asString()
                .startsWith("10:00:00  SNAPSHOT           cluster1")
                .endsWith("redhat:a47c6efa9e1f     192.0.2.11                1 connection, chap");
    }

    @Test
    void aConnectionChangeShowsTheConnectionsRemovedAndAdded() {
        poll(session(7, LINUX, connection(1), connection(2)));

        List<String> shown = poll(session(7, LINUX, connection(2, "2001:db8::7"), connection(3)));

        assertThat(shown).singleElement().asString().contains("  CONNECTION_CHANGE  ")
                .endsWith("  -cid 1 192.0.2.11:40001 -cid 2 192.0.2.12:40002 +cid 2 [2001:db8::7]:40002 "
                        + "+cid 3 192.0.2.13:40003");
    }

    @Test
    void aLogoutShowsTheLastStateSeen() {
        poll(session(7, LINUX, connection(1), connection(2)));

        assertThat(poll()).singleElement().asString().contains("  LOGOUT  ")
                .endsWith("192.0.2.11,192.0.2.12     ended with 2 connections");
    }

    @Test
    void aLogoutNoticedAfterARestartKnowsOnlyTheKey() {
        SourceRecord first = records.of(CLUSTER, OffsetFormat.partition(CLUSTER.uuid()),
                state.poll(live(session(7, LINUX, connection(1))), now, SnapshotMode.INITIAL, SessionScope.ALL)).get(0);
        ClusterState restarted = ClusterState.restore(OffsetFormat.parse(first.sourceOffset()));

        SourceRecord logout = records.of(CLUSTER, OffsetFormat.partition(CLUSTER.uuid()),
                restarted.poll(live(), now.plusSeconds(30), SnapshotMode.INITIAL, SessionScope.ALL)).get(0);

        assertThat(lines.format(avro(logout))).endsWith("svm1         iscsi_lif1        7  -                       "
                + "-                         ended");
    }

    @Test
    void aLoginThatTakesOverTheTsihOfTheSessionJustEndedIsPointedOut() {
        poll(session(7, LINUX, connection(1)), session(8, LINUX, connection(1)));

        List<String> shown = poll(session(7, WINDOWS, connection(1)), session(9, LINUX, connection(1)));

        assertThat(shown).hasSize(4);
        assertThat(shown.get(0)).contains("  LOGOUT  ").contains("     7  ");
        assertThat(shown.get(1)).contains("  LOGIN  ").contains("     7  ").endsWith("(TSIH reused)");
        assertThat(shown.get(2)).contains("  LOGOUT  ").contains("     8  ");
        assertThat(shown.get(3)).contains("  LOGIN  ").contains("     9  ").doesNotContain("reused");
    }

    @Test
    void everyColumnStartsWhereItsHeadingDoes() {
        String header = lines.header(List.of()).lines().reduce((first, second) -> second).orElseThrow();
        List<String> shown = poll(session("a_portal_group_named_at_length", 12345, "40:00:01:37:00:00",
                "iqn.1998-01.com.vmware:esx-01-33a7bf12-with-a-long-tail", connection(1)));

        for (String heading : List.of("EVENT", "CLUSTER", "SVM", "PORTAL GROUP", "INITIATOR", "ADDRESSES")) {
            int column = header.indexOf(heading);
            assertThat(shown.get(0).charAt(column - 1)).as("space before " + heading).isEqualTo(' ');
            assertThat(shown.get(0).charAt(column)).as("value under " + heading).isNotEqualTo(' ');
        }
        assertThat(shown.get(0)).contains(" a_portal_gr… ", " 12345 ", " vmware:esx-01-33a7bf1… ");
        assertThat(header.indexOf("TSIH") + "TSIH".length()).isEqualTo(shown.get(0).indexOf("12345") + 5);
    }

    @Test
    void coloursMarkTheEventTypeAndTheChangesOnATerminal() {
        EventLine coloured = new EventLine(new Palette(true), ZoneOffset.UTC);
        records(session(7, LINUX, connection(1))).forEach(coloured::format);

        List<GenericRecord> change = records(session(7, LINUX, connection(1), connection(2)));

        String shown = coloured.format(change.get(0));
        assertThat(shown).contains("\u001b[33mCONNECTION_CHANGE\u001b[0m",
                "\u001b[32m+cid 2 192.0.2.12:40002\u001b[0m");
        assertThat(lines.header(List.of())).doesNotContain("\u001b[");
    }

    @Test
    void theLegendExplainsTheLinesOfTheOtherTopicsAboveTheTitles() {
        List<String> header = lines.header(List.of("REFUSED: a login refused")).lines().toList();

        assertThat(header).hasSize(4);
        assertThat(header.get(1)).startsWith("HEALTH OK / FAILING: ");
        assertThat(header.get(2)).isEqualTo("REFUSED: a login refused");
        assertThat(header.get(3)).startsWith("TIME      EVENT  ");
    }

    @ParameterizedTest
    @CsvSource({
            "iqn.1994-05.com.redhat:a47c6efa9e1f,                       redhat:a47c6efa9e1f",
            "iqn.1991-05.com.microsoft:db-host-001.corp.example.com,    microsoft:db-host-001",
            "iqn.1998-01.com.vmware:esx-01-33a7bf12,                    vmware:esx-01-33a7bf12",
            "iqn.2001-04.com.example,                                   example",
            "eui.02004567A425678D,                                      eui.02004567A425678D",
            "naa.52004567BA64678D,                                      naa.52004567BA64678D"})
    void initiatorNamesAreShortenedToWhatTellsHostsApart(String name, String shown) {
        assertThat(EventLine.shortIqn(name)).isEqualTo(shown);
    }

    @Test
    void aChangeOfHealthGetsALineOfItsOwnAndHeartbeatsNone() {
        HealthRecords health = new HealthRecords("health", "demo", 0, "1.0");
        HealthReport failing = new HealthReport("http://127.0.0.1:1/clusters/c2", "cluster-02", "u2",
                HealthReport.Status.FAILING, HealthReport.Trigger.CHANGE, now, now.minusSeconds(30), 1,
                "CREDENTIALS_REJECTED", "ONTAP cluster http://127.0.0.1:1/clusters/c2: credentials rejected (HTTP "
                + "401): GET /api/cluster: HTTP 401, User is not authenticated. (code 5)", 12, Duration.ofMillis(3), null);
        HealthReport ok = new HealthReport("http://127.0.0.1:1/clusters/c2", "cluster-02", "u2",
                HealthReport.Status.OK, HealthReport.Trigger.CHANGE, now, now, 0, null, null, 12, Duration.ZERO, null);
        HealthReport heartbeat = new HealthReport("http://127.0.0.1:1/clusters/c2", "cluster-02", "u2",
                HealthReport.Status.OK, HealthReport.Trigger.HEARTBEAT, now, now, 0, null, null, 12, Duration.ZERO, null);

        assertThat(lines.health(avro(health.of(failing, null, null, now)))).isEqualTo("10:00:00  HEALTH FAILING     "
                + "cluster-02   credentials rejected (HTTP 401): GET /api/cluster: HTTP 401, User is not "
                + "authenticated. (code 5)");
        assertThat(lines.health(avro(health.of(ok, null, null, now))))
                .isEqualTo("10:00:00  HEALTH OK          cluster-02   watching: 12 sessions");
        assertThat(lines.health(avro(health.of(heartbeat, null, null, now)))).isNull();
    }

    /** The next poll sees {@code sessions}, 30 s after the last one; returns its events as shown. */
    private List<String> poll(IscsiSession... sessions) {
        return records(sessions).stream().map(lines::format).toList();
    }

    private List<GenericRecord> records(IscsiSession... sessions) {
        List<SourceRecord> built = records.of(CLUSTER, OffsetFormat.partition(CLUSTER.uuid()),
                state.poll(live(sessions), now, SnapshotMode.INITIAL, SessionScope.ALL));
        now = now.plusSeconds(30);
        return built.stream().map(EventLineTest::avro).toList();
    }

    private static GenericRecord avro(SourceRecord record) {
        return (GenericRecord) AVRO.fromConnectData(record.valueSchema(), record.value());
    }
}
