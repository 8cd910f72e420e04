package io.github.ontapkafka.iscsi.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ontapkafka.iscsi.config.OntapSourceConfig;
import io.github.ontapkafka.iscsi.fixtures.Sessions;
import io.github.ontapkafka.iscsi.it.EventLog.Event;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.simulator.Fault;
import io.github.ontapkafka.iscsi.simulator.FaultScope;
import io.github.ontapkafka.iscsi.simulator.OntapSimulatorServer;
import io.github.ontapkafka.iscsi.simulator.ScheduledFault;
import io.github.ontapkafka.iscsi.simulator.SessionChurn;
import io.github.ontapkafka.iscsi.simulator.SimulatedCluster;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorOffset;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.github.ontapkafka.iscsi.fixtures.Sessions.connection;
import static io.github.ontapkafka.iscsi.fixtures.Sessions.session;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connector end to end: a real broker and Connect worker, polling the project's ONTAP simulator over HTTP.
 */
class SessionEventsIT extends OneClusterPerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final String HOST_A = "iqn.1994-05.com.redhat:host-a";
    private static final String HOST_B = "iqn.1991-05.com.microsoft:host-b.corp.example.com";
    private static final String HOST_C = "iqn.1998-01.com.vmware:esx-07-4b2c1d3e";

    private EventLog deploy(Map<String, String> overrides) throws InterruptedException {
        Map<String, String> config = ConnectHarness.connectorConfig(name, List.of(simulator.baseUrl(cluster)));
        config.putAll(overrides);
        harness.deploy(name, config, 1);
        EventLog log = harness.events(name);
        cleanup.add(log);
        return log;
    }

    private EventLog deploy() throws InterruptedException {
        return deploy(Map.of());
    }

    private static List<String> labels(List<Event> events) {
        return events.stream().map(Event::label).toList();
    }

    @Test
    void aClusterThatPrintsPortsAsStringsAsThe991ReferenceDoesIsReadWithItsPorts() throws Exception {
        cluster.setPortsAsStrings(true);
        IscsiSession a = session(1, HOST_A, connection(1), connection(2));
        cluster.login(a);
        EventLog log = deploy();
        log.awaitAtLeast(1, WAIT);

        cluster.dropConnection(a.key(), 2);
        List<Event> events = log.awaitAtLeast(2, WAIT);

        assertThat(labels(events)).containsExactly("SNAPSHOT 1", "CONNECTION_CHANGE 1");
        JsonNode connections = events.get(0).session().get("connections");
        assertThat(connections.get(0).get("initiator_address").get("port").asInt()).isEqualTo(40001);
        assertThat(connections.get(1).get("interface").get("ip").get("port").asInt()).isEqualTo(3260);
        assertThat(events.get(1).value().get("connections_removed").get(0).get("initiator_address").get("port")
                .asInt()).isEqualTo(40002);
    }

    @Test
    void snapshotReportsEverySessionPresentAtTheFirstPoll() throws Exception {
        IscsiSession a = session(1, HOST_A, connection(1), connection(2));
        IscsiSession b = session(2, HOST_B, connection(1));
        cluster.login(a);
        cluster.login(b);
        Instant before = Instant.now();

        List<Event> events = deploy().awaitAtLeast(2, WAIT);

        assertThat(labels(events)).containsExactly("SNAPSHOT 1", "SNAPSHOT 2");
        Event first = events.get(0);
        assertThat(first.key().get("cluster_uuid").asText()).isEqualTo(cluster.uuid());
        assertThat(first.key().get("svm_uuid").asText()).isEqualTo(Sessions.SVM_UUID);
        assertThat(first.key().get("target_portal_group").asText()).isEqualTo("iscsi_lif1");
        JsonNode value = first.value();
        assertThat(value.get("event_id").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(value.get("observed_at").asLong()).isBetween(before.toEpochMilli(), Instant.now().toEpochMilli());
        assertThat(first.timestamp()).isEqualTo(value.get("observed_at").asLong());
        assertThat(value.get("previous_observed_at").isNull()).isTrue();
        assertThat(value.get("cluster").get("name").asText()).isEqualTo(cluster.name());
        assertThat(value.get("cluster").get("uuid").asText()).isEqualTo(cluster.uuid());
        JsonNode session = first.session();
        assertThat(session.get("svm").get("name").asText()).isEqualTo("svm1");
        assertThat(session.get("target_portal_group_tag").asInt()).isEqualTo(1027);
        assertThat(session.get("tsih").asInt()).isEqualTo(1);
        assertThat(session.get("isid").asText()).isEqualTo("40:00:01:37:00:00");
        assertThat(session.get("initiator").get("name").asText()).isEqualTo(HOST_A);
        assertThat(session.get("igroups").get(0).get("name").asText()).isEqualTo("hosts");
        assertThat(session.get("connections")).hasSize(2);
        JsonNode connection = session.get("connections").get(0);
        assertThat(connection.get("cid").asInt()).isEqualTo(1);
        assertThat(connection.get("authentication_type").asText()).isEqualTo("chap");
        assertThat(connection.get("initiator_address").get("address").asText()).isEqualTo("192.0.2.11");
        assertThat(connection.get("interface").get("ip").get("port").asInt()).isEqualTo(3260);
        assertThat(value.get("connections_added").isNull()).isTrue();
    }

    @Test
    void snapshotModeNeverStaysSilentAndReportsOnlyLaterChanges() throws Exception {
        cluster.login(session(1, HOST_A, connection(1)));
        EventLog log = deploy(Map.of("snapshot.mode", "never"));
        SessionPolls.await(cluster, 2, WAIT);

        cluster.login(session(2, HOST_B, connection(1)));

        assertThat(labels(log.awaitAtLeast(1, WAIT))).containsExactly("LOGIN 2");
    }

    @Test
    void loginLogoutAndConnectionChangesAreReportedOnceEach() throws Exception {
        cluster.login(session(1, HOST_A, connection(1)));
        cluster.login(session(2, HOST_B, connection(1), connection(2)));
        EventLog log = deploy();
        log.awaitAtLeast(2, WAIT);

        cluster.login(session(3, HOST_C, connection(1)));
        SessionPolls.await(cluster, 2, WAIT);
        cluster.logout(session(1, HOST_A).key());
        SessionPolls.await(cluster, 2, WAIT);
        cluster.addConnection(session(3, HOST_C).key(), connection(2));
        SessionPolls.await(cluster, 2, WAIT);
        cluster.dropConnection(session(2, HOST_B).key(), 1);

        List<Event> events = log.awaitAtLeast(6, WAIT);
        assertThat(labels(log.settle(QUIET))).containsExactly("SNAPSHOT 1", "SNAPSHOT 2", "LOGIN 3", "LOGOUT 1",
                "CONNECTION_CHANGE 3", "CONNECTION_CHANGE 2");

        Event login = events.get(2);
        assertThat(login.session().get("initiator").get("name").asText()).isEqualTo(HOST_C);
        assertThat(login.value().get("previous_observed_at").asLong())
                .isLessThan(login.value().get("observed_at").asLong());
        Event logout = events.get(3);
        assertThat(logout.session().get("initiator").get("name").asText())
                .as("a logout carries the last state seen").isEqualTo(HOST_A);
        Event added = events.get(4);
        assertThat(added.value().get("connections_added")).hasSize(1);
        assertThat(added.value().get("connections_added").get(0).get("cid").asInt()).isEqualTo(2);
        assertThat(added.value().get("connections_removed")).isEmpty();
        assertThat(added.session().get("connections")).hasSize(2);
        Event dropped = events.get(5);
        assertThat(dropped.value().get("connections_added")).isEmpty();
        assertThat(dropped.value().get("connections_removed").get(0).get("cid").asInt()).isEqualTo(1);
        assertThat(dropped.session().get("connections")).hasSize(1);
    }

    @Test
    void aReusedTsihIsTheLogoutOfTheOldSessionThenTheLoginOfTheNew() throws Exception {
        cluster.login(session(7, HOST_A, connection(1)));
        EventLog log = deploy();
        log.awaitAtLeast(1, WAIT);

        cluster.replace(session(7, HOST_B, connection(1)));

        List<Event> events = log.awaitAtLeast(3, WAIT);
        assertThat(labels(events)).containsExactly("SNAPSHOT 7", "LOGOUT 7", "LOGIN 7");
        assertThat(events.get(1).session().get("initiator").get("name").asText()).isEqualTo(HOST_A);
        assertThat(events.get(2).session().get("initiator").get("name").asText()).isEqualTo(HOST_B);
    }

    @Test
    void fiftySessionsOverPagesCappedAtSevenAreAllSeenOnce() throws Exception {
        cluster.setPageCap(7);
        new SessionChurn(42).populate(cluster, 50);

        EventLog log = deploy();
        List<Event> events = log.awaitAtLeast(50, WAIT);
        List<Event> settled = log.settle(QUIET);

        assertThat(events).extracting(Event::type).containsOnly("SNAPSHOT");
        assertThat(settled).hasSize(50);
        assertThat(settled.stream().map(e -> e.session().get("svm").get("uuid").asText() + "/"
                + e.session().get("target_portal_group").asText() + "/" + e.tsih()).collect(Collectors.toSet()))
                .hasSize(50);
        assertThat(cluster.stats().requests(SessionPolls.PATH)).isGreaterThanOrEqualTo(8);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"status-500-on-page-3", "malformed-json-on-page-3", "html-page-on-page-3"})
    void aPollThatFailsOnAnyPageEmitsNothingAndChangesNoState(String kind) throws Exception {
        cluster.setPageCap(2);
        for (int tsih = 1; tsih <= 8; tsih++) {
            cluster.login(session(tsih, HOST_A + tsih, connection(1)));
        }
        EventLog log = deploy();
        log.awaitAtLeast(8, WAIT);
        Fault fault = switch (kind) {
            case "status-500-on-page-3" -> Fault.status(500);
            case "malformed-json-on-page-3" -> Fault.malformedJson();
            default -> Fault.htmlPage();
        };
        // Enough hits to fail several polls, retries included.
        ScheduledFault scheduled = cluster.faults().inject(fault, FaultScope.sessionPage(3), 6);
        cluster.logout(session(1, HOST_A).key());
        cluster.login(session(9, HOST_B, connection(1)));

        Awaitility.await().atMost(WAIT).until(() -> scheduled.remainingUses() == 0);
        long recoveredAfter = System.currentTimeMillis();

        List<Event> changes = log.awaitAtLeast(10, WAIT).subList(8, 10);
        assertThat(labels(log.settle(QUIET))).hasSize(10);
        assertThat(labels(changes)).containsExactly("LOGOUT 1", "LOGIN 9");
        assertThat(changes).allSatisfy(e -> assertThat(e.value().get("observed_at").asLong())
                .as("nothing was emitted while the fault lasted").isGreaterThanOrEqualTo(recoveredAfter - 1_000));
    }

    @Test
    void changesDuringAClusterOutageAreReportedWhenItComesBack() throws Exception {
        cluster.login(session(1, HOST_A, connection(1)));
        cluster.login(session(2, HOST_B, connection(1)));
        EventLog log = deploy();
        long snapshotAt = log.awaitAtLeast(2, WAIT).get(0).value().get("observed_at").asLong();

        ScheduledFault outage = cluster.faults().goDown();
        long before = cluster.stats().totalRequests();
        Awaitility.await().atMost(WAIT).until(() -> cluster.stats().totalRequests() >= before + 6);
        // A cluster's requests are sequential, so every poll that succeeded has completed by now.
        long outageConfirmedAt = System.currentTimeMillis();
        cluster.logout(session(1, HOST_A).key());
        cluster.login(session(3, HOST_C, connection(1)));
        cluster.addConnection(session(2, HOST_B).key(), connection(2));
        assertThat(log.settle(Duration.ofSeconds(1))).as("nothing while the cluster is down").hasSize(2);
        outage.cancel();

        List<Event> changes = log.awaitAtLeast(5, WAIT).subList(2, 5);
        assertThat(labels(changes)).containsExactly("LOGOUT 1", "CONNECTION_CHANGE 2", "LOGIN 3");
        assertThat(changes).allSatisfy(e -> assertThat(e.value().get("previous_observed_at").asLong())
                .as("the last poll before the outage").isBetween(snapshotAt, outageConfirmedAt));
        assertThat(harness.connect.connectorStatus(name).tasks()).allMatch(t -> t.state().equals("RUNNING"));
    }

    @Test
    void oneClusterRejectingTheCredentialsDoesNotHoldUpAnother() throws Exception {
        SimulatedCluster locked = SimulatedCluster.named("locked-" + name);
        OntapSimulatorServer otherServer = OntapSimulatorServer.builder().credentials("someone", "else").build()
                .mount("locked", locked).start();
        cleanup.add(otherServer);
        locked.login(session(1, HOST_A, connection(1)));
        cluster.login(session(1, HOST_B, connection(1)));
        // Validation would rightly refuse the locked cluster; the point here is how the task lives with it.
        EventLog log = deploy(Map.of(
                OntapSourceConfig.CLUSTERS, otherServer.baseUrl(locked) + "," + simulator.baseUrl(cluster),
                OntapSourceConfig.VALIDATE_CONNECTION, "false"));

        log.awaitAtLeast(1, WAIT);
        cluster.login(session(2, HOST_C, connection(1)));
        List<Event> events = log.awaitAtLeast(2, WAIT);

        assertThat(labels(log.settle(QUIET))).containsExactly("SNAPSHOT 1", "LOGIN 2");
        assertThat(events).allMatch(e -> e.clusterUuid().equals(cluster.uuid()));
        assertThat(locked.stats().totalRequests()).as("the locked cluster is retried").isGreaterThan(1);
        ConnectorStateInfo status = harness.connect.connectorStatus(name);
        assertThat(status.connector().state()).isEqualTo("RUNNING");
        assertThat(status.tasks()).allMatch(t -> t.state().equals("RUNNING"));
    }

    @Test
    void aRestartedWorkerResumesWithoutReplayingAnything() throws Exception {
        cluster.login(session(1, HOST_A, connection(1)));
        cluster.login(session(2, HOST_B, connection(1)));
        EventLog log = deploy();
        log.awaitAtLeast(2, WAIT);
        cluster.login(session(3, HOST_C, connection(1)));
        log.awaitAtLeast(3, WAIT);
        awaitCommittedGeneration(2);

        harness.connect.removeWorker();
        cluster.logout(session(2, HOST_B).key());
        harness.connect.addWorker();
        harness.connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(name, 1, "connector did not resume");

        List<Event> events = log.awaitAtLeast(4, WAIT);
        List<Event> settled = log.settle(QUIET);
        assertThat(labels(settled)).containsExactly("SNAPSHOT 1", "SNAPSHOT 2", "LOGIN 3", "LOGOUT 2");
        assertThat(settled.stream().map(Event::id).collect(Collectors.toSet())).hasSize(4);
        assertThat(events.get(3).session().get("svm").get("uuid").asText()).isEqualTo(Sessions.SVM_UUID);
    }

    private void awaitCommittedGeneration(long generation) {
        Awaitility.await().atMost(WAIT).until(() -> {
            List<ConnectorOffset> offsets = harness.connect.connectorOffsets(name).offsets();
            return offsets.stream().anyMatch(o -> o.offset().get("generation") instanceof Number n
                    && n.longValue() >= generation);
        });
    }
}
