package io.github.ontapkafka.iscsi.transform;

import io.github.ontapkafka.iscsi.event.EmsRecords;
import io.github.ontapkafka.iscsi.event.EventRecords;
import io.github.ontapkafka.iscsi.event.HealthRecords;
import io.github.ontapkafka.iscsi.event.HealthReport;
import io.github.ontapkafka.iscsi.event.TableRecords;
import io.github.ontapkafka.iscsi.model.ClusterIdentity;
import io.github.ontapkafka.iscsi.model.Connection;
import io.github.ontapkafka.iscsi.model.EmsEvent;
import io.github.ontapkafka.iscsi.model.EmsParameter;
import io.github.ontapkafka.iscsi.model.IpEndpoint;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.NetworkInterface;
import io.github.ontapkafka.iscsi.ontap.SessionScope;
import io.github.ontapkafka.iscsi.tracking.ChangeBatch;
import io.github.ontapkafka.iscsi.tracking.ClusterState;
import io.github.ontapkafka.iscsi.tracking.EmsCursor;
import io.github.ontapkafka.iscsi.tracking.OffsetFormat;
import io.github.ontapkafka.iscsi.tracking.SnapshotMode;
import org.apache.kafka.connect.source.SourceRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.github.ontapkafka.iscsi.fixtures.Sessions.live;

/**
 * The connector's own records, made as the task makes them: sessions polled by a {@link ClusterState} and turned into
 * records by {@link EventRecords}, EMS events by {@link EmsRecords}. Polls are 30 s apart from {@link #T0}.
 */
final class SessionAndEmsRecords {

    static final ClusterIdentity CLUSTER = new ClusterIdentity("4ea7a442-86d1-11e0-ae1c-123478563412", "cluster1");
    static final String SESSION_TOPIC = "ontap.iscsi.sessions";
    static final String EMS_TOPIC = "ontap.iscsi.ems";
    static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");
    static final Duration POLL_INTERVAL = Duration.ofSeconds(30);
    static final String NODE_UUID = "a5bb6d60-879d-3160-b462-dfd8a9b04dd6";

    private SessionAndEmsRecords() {
    }

    /** The session records of consecutive polls of a cluster, each poll listing the sessions given for it. */
    @SafeVarargs
    static List<SourceRecord> polls(List<IscsiSession>... polls) {
        ClusterState state = ClusterState.fresh();
        List<SourceRecord> records = new ArrayList<>();
        for (int i = 0; i < polls.length; i++) {
            records.addAll(records(state.poll(live(polls[i]), pollTime(i), SnapshotMode.INITIAL, SessionScope.ALL)));
        }
        return records;
    }

    static Instant pollTime(int poll) {
        return T0.plus(POLL_INTERVAL.multipliedBy(poll));
    }

    /** A session present at the first poll. */
    static SourceRecord snapshot(IscsiSession session) {
        return polls(List.of(session)).get(0);
    }

    /** A session that logged in between the first and the second poll. */
    static SourceRecord login(IscsiSession session) {
        return polls(List.of(), List.of(session)).get(0);
    }

    /** That session logging out before the third poll. */
    static SourceRecord logout(IscsiSession session) {
        return polls(List.of(), List.of(session), List.of()).get(1);
    }

    static SourceRecord connectionChange(IscsiSession before, IscsiSession after) {
        return polls(List.of(before), List.of(after)).get(1);
    }

    /** The LOGOUT of a session seen before a restart: the task knows its key only. */
    static SourceRecord keyOnlyLogout(IscsiSession session) {
        ChangeBatch first = ClusterState.fresh().poll(live(session), pollTime(0), SnapshotMode.INITIAL,
                SessionScope.ALL);
        ClusterState restored = ClusterState.restore(OffsetFormat.parse(first.offsetAfter(0)));
        return records(restored.poll(live(), pollTime(1), SnapshotMode.INITIAL, SessionScope.ALL)).get(0);
    }

    private static List<SourceRecord> records(ChangeBatch batch) {
        return new EventRecords(SESSION_TOPIC).of(CLUSTER, OffsetFormat.partition(CLUSTER.uuid()), batch);
    }

    /** The current-sessions table's record of a session present at the first poll. */
    static SourceRecord tableRecord(IscsiSession session) {
        ChangeBatch batch = ClusterState.fresh().poll(live(session), pollTime(0), SnapshotMode.INITIAL,
                SessionScope.ALL);
        return new TableRecords("ontap.iscsi.current").with(CLUSTER, OffsetFormat.partition(CLUSTER.uuid()), batch,
                records(batch)).get(0);
    }

    /** A connection over IPv6, as from a dual-stack host to an IPv6 LIF. */
    static Connection ipv6Connection(int cid) {
        return new Connection(cid, "chap", new IpEndpoint("2001:db8:1::" + (10 + cid), 40000 + cid),
                new NetworkInterface("c15439b4-dbb4-11e8-90ac-005056bba882", "iscsi_lif6",
                        new IpEndpoint("2001:db8:2::1", 3260)));
    }

    /** A connection that logged in without CHAP. */
    static Connection unauthenticatedConnection(int cid) {
        return new Connection(cid, "none", new IpEndpoint("192.0.2.20", 40000 + cid),
                new NetworkInterface("c15439b4-dbb4-11e8-90ac-005056bba882", "iscsi_lif1",
                        new IpEndpoint("198.51.100.1", 3260)));
    }

    static SourceRecord ems(EmsEvent event) {
        return new EmsRecords(EMS_TOPIC).of(CLUSTER, EmsCursor.START, List.of(event), pollTime(1)).get(0);
    }

    /** A login refused for its address, logged by the node two seconds before the connector read it. */
    static EmsEvent refusedLogin() {
        return new EmsEvent(NODE_UUID, "cluster1-01", 4, pollTime(1).minusSeconds(2), "iscsi.loginIpNotAuthorized",
                "notice", "iscsi.loginIpNotAuthorized: iSCSI login authorization failure. Initiator "
                + "iqn.1998-01.com.vmware:esx-rogue attempted to log in on Vserver svm1, LIF iscsi_lif1 from IP "
                + "address 203.0.113.66",
                List.of(new EmsParameter("initiator_name", "iqn.1998-01.com.vmware:esx-rogue"),
                        new EmsParameter("vserver", "svm1"), new EmsParameter("lif", "iscsi_lif1"),
                        new EmsParameter("initiator_ip_address", "203.0.113.66")),
                "iscsit");
    }

    /** A failed login: ONTAP gives its reason in one free-text parameter, and no time. */
    static EmsEvent failedLogin() {
        return new EmsEvent(NODE_UUID, "cluster1-01", 5, null, "iscsi.loginFailure", "notice",
                "iscsi.loginFailure: ISCSI: iSCSI login failure, 'Initiator iqn.y: CHAP authentication failed'",
                List.of(new EmsParameter("m", "Initiator iqn.y: CHAP authentication failed")), "iscsit");
    }

    static EmsEvent emsMessage(String messageName, String severity, List<EmsParameter> parameters) {
        return new EmsEvent(NODE_UUID, "cluster1-01", 6, pollTime(1), messageName, severity, messageName + ": text",
                parameters, "san");
    }

    static SourceRecord health() {
        HealthReport ok = new HealthReport("https://cluster1.example.com", CLUSTER.name(), CLUSTER.uuid(),
                HealthReport.Status.OK, HealthReport.Trigger.CHANGE, T0, T0, 0, null, null, 1, Duration.ZERO, null);
        return new HealthRecords("ontap.iscsi.health", "ontap", 0, "1.0").of(ok, null, null, T0);
    }
}
