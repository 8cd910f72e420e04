package io.github.ontapkafka.iscsi.connector;

import java.util.HashMap;
import java.util.ArrayList;
import io.github.ontapkafka.iscsi.config.OntapSourceConfig;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import io.github.ontapkafka.iscsi.fixtures.LogCapture;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A failed poll is reported by its real cause: a stored offset that cannot be used is not an ONTAP failure, and a
 * defect is logged as one, with its stack trace, while the other clusters carry on.
 */
class PollFailureCausesTest extends TwoClustersTaskTest {

    private void start(Function<Map<String, ?>, Map<String, Object>> offsets) throws IOException {
        a.cluster.tsihs.add(1);
        b.cluster.tsihs.add(1);
        task.initialize(MockClusters.context(offsets));
        task.start(MockClusters.taskConfig(a, b));
    }

    private boolean isClusterA(Map<String, ?> partition) {
        return a.cluster.uuid.equals(partition.get("cluster_uuid"));
    }

    @Test
    void anUnusableStoredOffsetIsReportedAsSuchNotAsAnOntapFailure() throws Exception {
        List<String> lines;
        List<String> events;
        try (LogCapture logs = LogCapture.everything()) {
            start(partition -> isClusterA(partition) ? Map.of("format", 1L, "generation", 2L, "sessions", "%%%") : null);
            events = MockClusters.pollUntil(task, 1);
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                task.poll();
                return logs.lines().stream().anyMatch(line -> line.startsWith("WARN") && line.contains(a.cluster.uuid));
            });
            lines = logs.lines();
        }

        assertThat(events).containsExactly(b.cluster.uuid + " SNAPSHOT 1");
        assertThat(lines).filteredOn(line -> line.startsWith("WARN") && line.contains(a.cluster.uuid)).first()
                .asString()
                .contains("the stored offset of cluster " + a.cluster.uuid + " cannot be used (sessions is not base64")
                .contains("reset this cluster's offset")
                .doesNotContain("unusable response");
    }

    @Test
    void aDefectIsLoggedAsABugWithItsStackTraceAndCostsOnlyOnePollOfOneCluster() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        List<String> lines;
        List<String> events;
        try (LogCapture logs = LogCapture.everything()) {
            start(partition -> {
                if (isClusterA(partition) && reads.getAndIncrement() == 0) {
                    throw new IllegalStateException("planted defect");
                }
                return null;
            });
            events = MockClusters.pollUntil(task, 2);
            lines = logs.lines();
        }

        assertThat(events).containsExactlyInAnyOrder(b.cluster.uuid + " SNAPSHOT 1", a.cluster.uuid + " SNAPSHOT 1");
        assertThat(lines).filteredOn(line -> line.startsWith("ERROR") && line.contains("planted defect")).first()
                .asString()
                .contains("internal error of the connector (a bug")
                .contains("at io.github.ontapkafka.iscsi.connector.OntapIscsiSourceTask");
    }

    @Test
    void aKeystoreThisWorkerCannotReadFailsItsClusterNotTheTask() throws Exception {
        a.cluster.tsihs.add(1);
        b.cluster.tsihs.add(1);
        Map<String, String> config = new HashMap<>(MockClusters.taskConfig(b));
        String secureUrl = a.url();
        String plainUrl = config.get(OntapSourceConfig.CLUSTERS);
        config.put(OntapSourceConfig.CLUSTERS, "secure," + plainUrl);
        config.put("ontap.cluster.secure.url", secureUrl);
        config.put("ontap.cluster.secure.auth.method", "certificate");
        config.put("ontap.cluster.secure.ssl.keystore.location", "/nonexistent/on/this/worker.p12");
        config.put(OntapSourceConfig.HEALTH_TOPIC, "health");
        task.initialize(MockClusters.context(partition -> null));
        task.start(config);

        List<SourceRecord> health = new ArrayList<>();
        List<String> events = new ArrayList<>();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            List<SourceRecord> records = task.poll();
            for (SourceRecord record : records == null ? List.<SourceRecord>of() : records) {
                if (record.topic().equals("health")) {
                    health.add(record);
                } else {
                    events.add(((Struct) record.value()).getString("event_type"));
                }
            }
            return events.size() == 1 && health.size() == 2;
        });

        assertThat(health).extracting(record -> ((Struct) record.value()).getString("cluster_url") + " "
                + ((Struct) record.value()).getString("failure_kind")).containsExactlyInAnyOrder(
                secureUrl + " UNUSABLE_KEY_MATERIAL", plainUrl + " null");
        assertThat(health).map(record -> String.valueOf(((Struct) record.value()).getString("failure_message")))
                .anySatisfy(message -> assertThat(message).contains("/nonexistent/on/this/worker.p12"));
        assertThat(a.server.getRequestCount()).as("nothing is sent without the certificate").isZero();
    }
}
