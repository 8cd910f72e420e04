package io.github.ontapkafka.iscsi.it;

import io.github.ontapkafka.iscsi.config.OntapSourceConfig;
import io.github.ontapkafka.iscsi.fixtures.LogCapture;
import io.github.ontapkafka.iscsi.it.EmsLog.Ems;
import io.github.ontapkafka.iscsi.it.HealthLog.Health;
import io.github.ontapkafka.iscsi.model.EmsParameter;
import io.github.ontapkafka.iscsi.simulator.Fault;
import io.github.ontapkafka.iscsi.simulator.FaultScope;
import io.github.ontapkafka.iscsi.simulator.ScheduledFault;
import io.github.ontapkafka.iscsi.simulator.SimulatedNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.github.ontapkafka.iscsi.fixtures.Sessions.connection;
import static io.github.ontapkafka.iscsi.fixtures.Sessions.session;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed and refused logins from ONTAP's event log, on a real Connect worker: each reported once, across restarts,
 * outages, two nodes, a cursor that aged out, a release without one of the messages and a malformed page.
 */
class EmsIT extends OneClusterPerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final String HOST = "iqn.1998-01.com.vmware:esx-rogue";

    private SimulatedNode first;
    private SimulatedNode second;

    @BeforeEach
    void aSessionAndTwoNodes() {
        cluster.login(session(1, "iqn.1994-05.com.redhat:host-a", connection(1)));
        first = cluster.nodes().get(0);
        second = cluster.nodes().get(1);
    }

    private void deploy(Map<String, String> overrides) throws InterruptedException {
        Map<String, String> config = ConnectHarness.connectorConfig(name, List.of(simulator.baseUrl(cluster)));
        config.put(OntapSourceConfig.EMS_ENABLED, "true");
        config.put(OntapSourceConfig.EMS_TOPIC, name + "-ems");
        config.put(OntapSourceConfig.HEALTH_TOPIC, name + "-health");
        config.put(OntapSourceConfig.HEARTBEAT_INTERVAL_MS, "0");
        config.putAll(overrides);
        harness.deploy(name, config, 1);
    }

    private EmsLog ems() {
        EmsLog log = new EmsLog(harness.connect.kafka(), name + "-ems");
        cleanup.add(log);
        return log;
    }

    private static List<String> labels(List<Ems> records) {
        return records.stream().map(Ems::label).toList();
    }

    @Test
    void aRefusedLoginAppearsOnceWithWhoFromWhereAndARestartReplaysNothing() throws Exception {
        cluster.logNoise(first, 3);
        cluster.logLoginRefused(first, HOST, "svm1", "lif_iscsi_1", "203.0.113.66");
        deploy(Map.of());
        EmsLog ems = ems();

        Ems refused = ems.awaitAtLeast(1, WAIT).get(0);
        assertThat(refused.text("event_kind")).isEqualTo("LOGIN_REFUSED_BY_ADDRESS");
        assertThat(refused.text("initiator_name")).isEqualTo(HOST);
        assertThat(refused.text("initiator_address")).isEqualTo("203.0.113.66");
        assertThat(refused.text("svm_name")).isEqualTo("svm1");
        assertThat(refused.text("lif_name")).isEqualTo("lif_iscsi_1");
        assertThat(refused.text("node_name")).isEqualTo(first.name());
        assertThat(refused.text("cluster_uuid")).isEqualTo(cluster.uuid());
        System.out.println("EMS record: " + refused.value());

        harness.connect.restartConnectorAndTasks(name, false, true, false);
        harness.connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(name, 1, "did not restart");
        cluster.logLoginFailure(second, "Initiator " + HOST + " failed CHAP authentication");

        List<Ems> all = ems.awaitAtLeast(2, WAIT);
        assertThat(ems.settle(QUIET)).hasSize(2);
        assertThat(all.get(1).text("event_kind")).isEqualTo("LOGIN_FAILED");
        assertThat(all.get(1).text("log_message")).contains("failed CHAP authentication");
        assertThat(all.stream().map(e -> e.text("event_id")).collect(Collectors.toSet())).hasSize(2);
    }

    @Test
    void anOutageLosesNothingOntapStillHoldsAndTwoNodesKeepTheirOwnIndexes() throws Exception {
        deploy(Map.of());
        EmsLog ems = ems();
        HealthLog health = health();
        health.awaitAtLeast(1, Health::isChange, WAIT);
        cluster.logLoginRefused(first, HOST, "svm1", "lif1", "203.0.113.1");
        ems.awaitAtLeast(1, WAIT);

        ScheduledFault outage = cluster.faults().goDown();
        health.awaitAtLeast(2, Health::isChange, WAIT);
        cluster.logNoise(second, 2);
        cluster.logLoginRefused(second, HOST, "svm1", "lif2", "203.0.113.2");
        cluster.logNoise(first, 1);
        cluster.logLoginRefused(first, HOST, "svm1", "lif1", "203.0.113.3");
        cluster.logLoginRefused(second, HOST, "svm1", "lif2", "203.0.113.4");
        outage.cancel();

        List<Ems> records = ems.awaitAtLeast(4, WAIT);
        assertThat(ems.settle(QUIET)).hasSize(4);
        assertThat(records.stream().map(e -> e.text("initiator_address")))
                .containsExactlyInAnyOrder("203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4");
        assertThat(records.stream().filter(e -> e.text("node_uuid").equals(second.uuid()))
                .map(e -> e.value().get("index").asLong())).isSorted().hasSize(2);
    }

    @Test
    void aCursorThatAgedOutIsReportedAndReadingGoesOnFromTheOldestHeld() throws Exception {
        cluster.logLoginRefused(first, HOST, "svm1", "lif1", "203.0.113.1");
        deploy(Map.of());
        EmsLog ems = ems();
        HealthLog health = health();
        ems.awaitAtLeast(1, WAIT);

        List<String> lines;
        try (LogCapture logs = LogCapture.everything()) {
            ScheduledFault outage = cluster.faults().goDown();
            health.awaitAtLeast(1, h -> h.status().equals("FAILING"), WAIT);
            cluster.setEmsRetention(5);
            cluster.logNoise(first, 10);
            cluster.logLoginRefused(first, HOST, "svm1", "lif1", "203.0.113.9");
            outage.cancel();
            ems.awaitAtLeast(2, WAIT);
            Awaitility.await().atMost(WAIT).until(() -> logs.lines().stream().anyMatch(l -> l.contains("aged out")));
            lines = logs.lines();
        }

        assertThat(lines).filteredOn(l -> l.contains("aged out")).first().asString().startsWith("WARN")
                .contains(first.name()).contains("continuing from the oldest event held");
        assertThat(labels(ems.settle(QUIET))).hasSize(2);
        // Downstream consumers see the loss too: the health record of the poll that found it says what was lost.
        Predicate<HealthLog.Health> reportsLoss = h -> h.value().hasNonNull("ems_events_lost");
        HealthLog.Health loss = health.awaitAtLeast(1, reportsLoss, WAIT).stream().filter(reportsLoss).findFirst()
                .orElseThrow();
        assertThat(loss.status()).isEqualTo("OK");
        assertThat(loss.value().get("trigger").asText()).isEqualTo("CHANGE");
        assertThat(loss.value().get("ems_events_lost").asText()).contains(first.name()).contains("aged out unread");
        assertThat(loss.value().hasNonNull("ems_events_lost_at")).isTrue();
    }

    @Test
    void aReleaseWithoutOneOfTheMessagesIsReadAllTheSame() throws Exception {
        cluster.removeFromCatalogue("iscsi.loginIpNotAuthorized");
        cluster.logLoginFailure(first, "Initiator " + HOST + " negotiation failed");
        cluster.logInitiatorLoginMissing(second, HOST, "svm1", "ps1", "svm-uuid-1");
        cluster.logInitiatorLoginRestored(second, HOST, "svm1", "ps1", "svm-uuid-1");
        // A message of a newer release, which this connector does not know by name.
        cluster.logEvent(first, "iscsi.login.newThing", "notice", new EmsParameter("initiator_name", HOST));

        deploy(Map.of());

        List<Ems> records = ems().awaitAtLeast(4, WAIT);
        assertThat(records).extracting(e -> e.text("event_kind")).containsExactlyInAnyOrder(
                "LOGIN_FAILED", "INITIATOR_LOGIN_MISSING", "INITIATOR_LOGIN_RESTORED", "OTHER");
        assertThat(records).filteredOn(e -> e.text("event_kind").equals("OTHER")).singleElement()
                .satisfies(other -> {
                    assertThat(other.text("message_name")).isEqualTo("iscsi.login.newThing");
                    assertThat(other.text("initiator_name")).isEqualTo(HOST);
                });
    }

    @Test
    void aMalformedEmsPageEmitsNothingAndLeavesTheCursorWhereItWas() throws Exception {
        deploy(Map.of());
        EmsLog ems = ems();
        HealthLog health = health();
        health.awaitAtLeast(1, Health::isChange, WAIT);
        EventLog events = events();
        events.awaitAtLeast(1, WAIT);

        ScheduledFault malformed = cluster.faults().injectUntilCleared(Fault.malformedJson(), FaultScope.emsPage(1));
        cluster.logLoginRefused(first, HOST, "svm1", "lif1", "203.0.113.7");
        cluster.login(session(2, "iqn.1994-05.com.redhat:host-b", connection(1)));
        Health failing = health.awaitAtLeast(2, Health::isChange, WAIT).get(1);
        assertThat(failing.label()).isEqualTo("CHANGE FAILING UNUSABLE_RESPONSE");
        assertThat(failing.text("failure_message")).contains("/api/support/ems/events");
        assertThat(ems.settle(QUIET)).as("nothing from a poll that failed").isEmpty();
        assertThat(events.settle(Duration.ZERO)).hasSize(1);
        malformed.cancel();

        assertThat(ems.awaitAtLeast(1, WAIT)).singleElement().extracting(e -> e.text("initiator_address"))
                .isEqualTo("203.0.113.7");
        assertThat(events.awaitAtLeast(2, WAIT)).hasSize(2);
        assertThat(ems.settle(QUIET)).hasSize(1);
    }
}
