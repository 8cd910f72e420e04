package io.github.ontapkafka.iscsi.connector;

import io.github.ontapkafka.iscsi.connector.MockClusters.Address;
import io.github.ontapkafka.iscsi.connector.MockClusters.Cluster;
import io.github.ontapkafka.iscsi.fixtures.LogCapture;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Per-cluster metrics through the worker's plugin metrics, as a Kafka 4.1 worker hands them to the task. */
class ClusterMetricsTest {

    private final Address address = new Address(new Cluster("cccc0000-0000-0000-0000-000000000003"));
    private final Metrics registry = new Metrics();
    private final OntapIscsiSourceTask task = new OntapIscsiSourceTask();

    @AfterEach
    void stop() throws IOException {
        task.stop();
        address.shutDown();
        registry.close();
    }

    private double value(String name, String... extraTags) throws IOException {
        Map<String, String> tags = new LinkedHashMap<>(Map.of("connector", "c", "task", "0",
                "cluster", address.url()));
        for (int i = 0; i < extraTags.length; i += 2) {
            tags.put(extraTags[i], extraTags[i + 1]);
        }
        KafkaMetric metric = registry.metric(new MetricName(name, "plugins", "", tags));
        assertThat(metric).as(name + " " + tags).isNotNull();
        return ((Number) metric.metricValue()).doubleValue();
    }

    @Test
    void pollsEventsDurationsAndRequestsAreCountedPerCluster() throws Exception {
        address.cluster.tsihs.add(1);
        address.cluster.tsihs.add(2);
        task.initialize(MockClusters.context(partition -> null,
                () -> new PluginMetricsImpl(registry, Map.of("connector", "c", "task", "0"))));
        task.start(MockClusters.taskConfig(address));

        assertThat(MockClusters.pollUntil(task, 2)).hasSize(2);
        assertThat(value("polls-succeeded-total")).isEqualTo(1);
        assertThat(value("events-total", "event_type", "SNAPSHOT")).isEqualTo(2);
        assertThat(value("events-total", "event_type", "LOGIN")).isZero();
        assertThat(value("sessions-tracked")).isEqualTo(2);
        assertThat(value("consecutive-failures")).isZero();
        assertThat(value("ontap-requests-per-poll-avg")).as("identity and one page").isEqualTo(2);
        assertThat(value("ontap-bytes-total")).isGreaterThan(100);
        assertThat(value("poll-duration-max-ms")).isGreaterThanOrEqualTo(value("poll-duration-avg-ms"));

        address.failuresToCome.set(3);
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            task.poll();
            return value("polls-failed-total") >= 2;
        });
        assertThat(value("consecutive-failures")).isGreaterThanOrEqualTo(1);
        Thread.sleep(50);
        assertThat(value("time-since-last-successful-poll-ms")).isGreaterThanOrEqualTo(50);

        address.cluster.tsihs.add(3);
        assertThat(MockClusters.pollUntil(task, 1)).containsExactly(address.cluster.uuid + " LOGIN 3");
        assertThat(value("events-total", "event_type", "LOGIN")).isEqualTo(1);
        assertThat(value("consecutive-failures")).isZero();
        assertThat(value("sessions-tracked")).isEqualTo(3);
    }

    @Test
    void onAWorkerOlderThanKafka41TheTaskRunsWithoutMetricsAndSaysSoOnce() throws Exception {
        address.cluster.tsihs.add(1);
        List<String> warnings;
        try (LogCapture logs = LogCapture.everything()) {
            task.initialize(MockClusters.context(partition -> null, () -> {
                throw new NoSuchMethodError("org.apache.kafka.connect.source.SourceTaskContext.pluginMetrics()");
            }));
            task.start(MockClusters.taskConfig(address));
            assertThat(MockClusters.pollUntil(task, 1)).containsExactly(address.cluster.uuid + " SNAPSHOT 1");
            OntapIscsiSourceTask second = new OntapIscsiSourceTask();
            second.initialize(MockClusters.context(partition -> null, () -> {
                throw new NoSuchMethodError("org.apache.kafka.connect.source.SourceTaskContext.pluginMetrics()");
            }));
            second.start(MockClusters.taskConfig(address));
            second.stop();
            warnings = logs.lines().stream().filter(line -> line.contains("older than Kafka 4.1")).toList();
        }
        assertThat(warnings).hasSize(1);
        assertThat(registry.metrics().keySet()).noneMatch(name -> name.group().equals("plugins"));
    }
}
