package io.github.ontapkafka.iscsi.it;

import io.github.ontapkafka.iscsi.config.OntapSourceConfig;
import io.github.ontapkafka.iscsi.it.HealthLog.Health;
import io.github.ontapkafka.iscsi.ontap.ClusterUrl;
import io.github.ontapkafka.iscsi.simulator.Fault;
import io.github.ontapkafka.iscsi.simulator.FaultScope;
import io.github.ontapkafka.iscsi.simulator.ScheduledFault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import static io.github.ontapkafka.iscsi.fixtures.Sessions.connection;
import static io.github.ontapkafka.iscsi.fixtures.Sessions.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The health stream, on a real Connect worker: silence must never look like health. A cluster whose polls fail is
 * reported FAILING by the poll that saw it, with the reason, and keeps sending heartbeats; one that never answered
 * has its record too; switching heartbeats or the whole stream off does what it says.
 */
class HealthIT extends OneClusterPerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String HOST_A = "iqn.1994-05.com.redhat:host-a";

    @BeforeEach
    void twoSessions() {
        cluster.login(session(1, HOST_A, connection(1)));
        cluster.login(session(2, HOST_A, connection(1), connection(2)));
    }

    private Map<String, String> config(List<String> clusters, Map<String, String> overrides) {
        Map<String, String> config = ConnectHarness.connectorConfig(name, clusters);
        config.put(OntapSourceConfig.HEALTH_TOPIC, name + "-health");
        config.put(OntapSourceConfig.HEARTBEAT_INTERVAL_MS, "1000");
        config.put(OntapSourceConfig.VALIDATE_CONNECTION, "false");
        config.putAll(overrides);
        return config;
    }


    private static List<Health> changes(List<Health> records) {
        return records.stream().filter(Health::isChange).toList();
    }

    @Test
    void rejectedCredentialsAreReportedByThePollThatSawThemAndRecoveryBringsOkBack() throws Exception {
        harness.deploy(name, config(List.of(simulator.baseUrl(cluster)), Map.of()), 1);
        HealthLog health = health();
        EventLog events = events();
        events.awaitAtLeast(2, WAIT);
        Health ok = health.awaitAtLeast(1, Health::isChange, WAIT).get(0);
        assertThat(ok.label()).isEqualTo("CHANGE OK");
        assertThat(ok.connector()).isEqualTo(name);
        assertThat(ok.text("cluster_uuid")).isEqualTo(cluster.uuid());
        assertThat(ok.text("cluster_name")).isEqualTo(cluster.name());
        assertThat(ok.value().get("sessions_tracked").asInt()).isEqualTo(2);
        assertThat(ok.value().get("consecutive_failures").asInt()).isZero();

        ScheduledFault rejected = cluster.faults().injectUntilCleared(Fault.status(401), FaultScope.everyRequest());
        Health failing = health.awaitAtLeast(2, Health::isChange, WAIT).stream().filter(Health::isChange)
                .toList().get(1);
        assertThat(failing.label()).isEqualTo("CHANGE FAILING CREDENTIALS_REJECTED");
        assertThat(failing.value().get("consecutive_failures").asInt()).as("written by the first failed poll")
                .isEqualTo(1);
        assertThat(failing.text("failure_message")).contains("credentials rejected (HTTP 401)")
                .contains("User is not authenticated.");
        assertThat(failing.millis("status_since")).isGreaterThan(ok.millis("status_since"));
        assertThat(failing.millis("last_success_at")).isGreaterThanOrEqualTo(ok.millis("status_since"));

        List<Health> whileFailing = health.awaitAtLeast(2, h -> h.isHeartbeat() && h.status().equals("FAILING"), WAIT);
        assertThat(whileFailing.stream().filter(Health::isHeartbeat).filter(h -> h.status().equals("FAILING")))
                .allSatisfy(h -> assertThat(h.label()).isEqualTo("HEARTBEAT FAILING CREDENTIALS_REJECTED"))
                .allSatisfy(h -> assertThat(h.millis("status_since")).isEqualTo(failing.millis("status_since")));

        rejected.cancel();
        List<Health> all = health.awaitAtLeast(3, Health::isChange, WAIT);
        Health recovered = changes(all).get(2);
        assertThat(recovered.label()).isEqualTo("CHANGE OK");
        assertThat(recovered.value().get("consecutive_failures").asInt()).isZero();
        assertThat(recovered.value().get("failure_message").isNull()).isTrue();

        // One of each kind, decoded, for whoever reads the test report.
        Health failingHeartbeat = whileFailing.stream().filter(h -> h.isHeartbeat() && h.status().equals("FAILING"))
                .findFirst().orElseThrow();
        for (Health record : List.of(ok, failing, failingHeartbeat, recovered)) {
            System.out.println("health record: key " + record.key() + " value " + record.raw());
        }
        assertThat(events.settle(Duration.ofSeconds(2))).extracting(EventLog.Event::label)
                .as("the session stream emitted nothing spurious").containsExactly("SNAPSHOT 1", "SNAPSHOT 2");
        assertThat(all).allSatisfy(h -> assertThat(h.raw()).doesNotContain(ConnectHarness.PASSWORD));
    }

    @Test
    void theMetricsReadOverJmxFromTheWorkerMoveAsPollsSucceedAndFail() throws Exception {
        harness.deploy(name, config(List.of(simulator.baseUrl(cluster)), Map.of()), 1);
        ObjectName bean = pluginMetricsOf(simulator.baseUrl(cluster));
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();

        await().atMost(WAIT).until(() -> number(jmx, bean, "polls-succeeded-total") >= 2);
        assertThat(number(jmx, bean, "sessions-tracked")).isEqualTo(2);
        assertThat(number(jmx, bean, "events-total", "SNAPSHOT")).isEqualTo(2);
        assertThat(number(jmx, bean, "consecutive-failures")).isZero();
        assertThat(number(jmx, bean, "ontap-requests-total")).isGreaterThanOrEqualTo(3);
        assertThat(number(jmx, bean, "poll-duration-max-ms")).isGreaterThanOrEqualTo(0);
        double failedBefore = number(jmx, bean, "polls-failed-total");

        ScheduledFault outage = cluster.faults().goDown();
        await().atMost(WAIT).until(() -> number(jmx, bean, "consecutive-failures") >= 2);
        assertThat(number(jmx, bean, "polls-failed-total")).isGreaterThanOrEqualTo(failedBefore + 2);
        await().atMost(WAIT).until(() -> number(jmx, bean, "time-since-last-successful-poll-ms") > 1_000);
        outage.cancel();
        cluster.login(session(3, HOST_A, connection(1)));

        await().atMost(WAIT).until(() -> number(jmx, bean, "events-total", "LOGIN") == 1);
        assertThat(number(jmx, bean, "consecutive-failures")).isZero();
        assertThat(number(jmx, bean, "sessions-tracked")).isEqualTo(3);
    }

    /** The JMX name of a cluster's metrics: the worker's plugin metrics of the connector's task 0. */
    private ObjectName pluginMetricsOf(String clusterUrl) throws Exception {
        ObjectName pattern = new ObjectName("kafka.connect:type=plugins,connector=" + name + ",task=0,*");
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        await().atMost(WAIT).until(() -> !jmx.queryNames(pattern, null).isEmpty());
        return jmx.queryNames(pattern, null).stream()
                .filter(bean -> clusterUrl.equals(unquoted(bean.getKeyProperty("cluster"))))
                .filter(bean -> bean.getKeyProperty("event_type") == null)
                .findFirst().orElseThrow();
    }

    /** JMX quotes a value holding ':' or another special character, as a URL does. */
    private static String unquoted(String value) {
        return value != null && value.startsWith("\"") ? ObjectName.unquote(value) : value;
    }

    /** An attribute of the cluster's bean, or of its sibling for one event type. */
    private static double number(MBeanServer jmx, ObjectName bean, String attribute, String... eventType)
            throws Exception {
        ObjectName target = bean;
        if (eventType.length > 0) {
            Hashtable<String, String> properties = new Hashtable<>(bean.getKeyPropertyList());
            properties.put("event_type", eventType[0]);
            target = new ObjectName(bean.getDomain(), properties);
        }
        return ((Number) jmx.getAttribute(target, attribute)).doubleValue();
    }

    @Test
    void aClusterThatNeverAnsweredHasAFailingRecordKeyedByItsConfiguredUrl() throws Exception {
        String silent;
        try (ServerSocket closed = new ServerSocket(0)) {
            silent = "http://127.0.0.1:" + closed.getLocalPort() + "/never";
        }
        harness.deploy(name, config(List.of(simulator.baseUrl(cluster), silent), Map.of()), 1);
        HealthLog health = health();

        List<Health> records = health.awaitAtLeast(1, h -> h.clusterUrl().equals(silent), WAIT);
        Health never = records.stream().filter(h -> h.clusterUrl().equals(silent)).findFirst().orElseThrow();

        assertThat(never.label()).isEqualTo("CHANGE FAILING UNREACHABLE");
        assertThat(never.connector()).isEqualTo(name);
        assertThat(never.text("cluster_uuid")).isNull();
        assertThat(never.text("last_success_at")).isNull();
        assertThat(never.text("failure_message")).contains(ClusterUrl.parse(silent).toString());
        assertThat(health.awaitAtLeast(1, h -> h.clusterUrl().equals(simulator.baseUrl(cluster)), WAIT))
                .filteredOn(h -> h.clusterUrl().equals(simulator.baseUrl(cluster))).first()
                .satisfies(h -> assertThat(h.label()).isEqualTo("CHANGE OK"));
    }

    @Test
    void heartbeatsComeEveryInterval() throws Exception {
        harness.deploy(name, config(List.of(simulator.baseUrl(cluster)), Map.of()), 1);
        HealthLog health = health();

        List<Health> beats = health.awaitAtLeast(4, Health::isHeartbeat, WAIT).stream()
                .filter(Health::isHeartbeat).toList();

        assertThat(beats).allSatisfy(h -> assertThat(h.label()).isEqualTo("HEARTBEAT OK"));
        for (int i = 1; i < beats.size(); i++) {
            long gap = beats.get(i).millis("emitted_at") - beats.get(i - 1).millis("emitted_at");
            assertThat(gap).as("gap between heartbeats %d and %d", i - 1, i).isBetween(1_000L, 3_000L);
        }
    }

    @Test
    void withoutHeartbeatsTheChangesAreStillRecorded() throws Exception {
        harness.deploy(name, config(List.of(simulator.baseUrl(cluster)),
                Map.of(OntapSourceConfig.HEARTBEAT_INTERVAL_MS, "0")), 1);
        HealthLog health = health();
        health.awaitAtLeast(1, Health::isChange, WAIT);

        ScheduledFault outage = cluster.faults().goDown();
        health.awaitAtLeast(2, Health::isChange, WAIT);
        outage.cancel();
        health.awaitAtLeast(3, Health::isChange, WAIT);

        assertThat(health.settle(Duration.ofSeconds(3))).extracting(Health::label)
                .containsExactly("CHANGE OK", "CHANGE FAILING UNREACHABLE", "CHANGE OK");
    }

    @Test
    void anEmptyHealthTopicWritesNoHealthRecordAndChangesNothingElse() throws Exception {
        Map<String, String> config = new HashMap<>(config(List.of(simulator.baseUrl(cluster)), Map.of()));
        config.put(OntapSourceConfig.HEALTH_TOPIC, "");
        harness.deploy(name, config, 1);
        EventLog events = events();
        HealthLog defaultTopic = new HealthLog(harness.connect.kafka(), OntapSourceConfig.DEFAULT_HEALTH_TOPIC);
        cleanup.add(defaultTopic);
        HealthLog ownTopic = health();

        assertThat(events.awaitAtLeast(2, WAIT)).extracting(EventLog.Event::label)
                .containsExactly("SNAPSHOT 1", "SNAPSHOT 2");
        assertThat(defaultTopic.settle(Duration.ofSeconds(3))).noneMatch(h -> h.connector().equals(name));
        assertThat(ownTopic.drain()).isEmpty();
    }
}
