package io.github.ontapkafka.iscsi.connector;

import io.github.ontapkafka.iscsi.config.OntapSourceConfig;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two configured addresses that come back from an outage leading to each other's cluster (a management address moved
 * between clusters) must both be polled again: each gives up its claim on the cluster it no longer leads to.
 */
class ClusterAddressesSwapTest {

    private final ClusterAddress a = new ClusterAddress(new Cluster("aaaa0000-0000-0000-0000-000000000001"));
    private final ClusterAddress b = new ClusterAddress(new Cluster("bbbb0000-0000-0000-0000-000000000002"));
    private final OntapIscsiSourceTask task = new OntapIscsiSourceTask();

    @AfterEach
    void stop() throws IOException {
        task.stop();
        a.server.close();
        b.server.close();
    }

    @Test
    void addressesThatSwappedClustersAreBothPolledAgain() throws Exception {
        Cluster x = a.cluster;
        Cluster y = b.cluster;
        x.tsihs.add(1);
        y.tsihs.add(1);
        task.initialize(new NoStoredOffsets());
        task.start(Map.of(OntapSourceConfig.CLUSTERS, a.url() + "," + b.url(),
                OntapSourceConfig.USERNAME, "admin", OntapSourceConfig.PASSWORD, "secret",
                OntapSourceConfig.TOPIC, "sessions", OntapSourceConfig.POLL_INTERVAL_MS, "100",
                OntapSourceConfig.REQUEST_RETRIES, "0", OntapSourceConfig.RETRY_BACKOFF_MS, "50",
                OntapSourceConfig.RETRY_BACKOFF_MAX_MS, "100"));
        assertThat(pollUntil(2)).containsExactlyInAnyOrder(x.uuid + " SNAPSHOT 1", y.uuid + " SNAPSHOT 1");

        a.cluster = y;
        b.cluster = x;
        a.failuresToCome.set(1);
        b.failuresToCome.set(1);
        x.tsihs.add(2);
        y.tsihs.add(2);

        assertThat(pollUntil(2)).containsExactlyInAnyOrder(x.uuid + " LOGIN 2", y.uuid + " LOGIN 2");
    }

    /** Polls the task until it has returned {@code count} records, for at most 15 s; "cluster uuid, type, tsih". */
    private List<String> pollUntil(int count) throws InterruptedException {
        List<String> events = new ArrayList<>();
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (events.size() < count && System.nanoTime() < deadline) {
            List<SourceRecord> records = task.poll();
            for (SourceRecord record : records == null ? List.<SourceRecord>of() : records) {
                events.add(record.sourcePartition().get("cluster_uuid") + " "
                        + ((Struct) record.value()).getString("event_type") + " "
                        + ((Struct) record.key()).getInt32("tsih"));
            }
        }
        return events;
    }

    /** A simulated cluster: its identity and the TSIHs of its sessions. */
    private static final class Cluster {
        final String uuid;
        final List<Integer> tsihs = new CopyOnWriteArrayList<>();

        Cluster(String uuid) {
            this.uuid = uuid;
        }

        String sessionsPage() {
            return tsihs.stream().map(tsih -> "{\"svm\":{\"uuid\":\"svm-" + uuid + "\",\"name\":\"svm1\"},"
                            + "\"target_portal_group\":\"lif1\",\"tsih\":" + tsih + "}")
                    .collect(Collectors.joining(",", "{\"records\":[", "],\"num_records\":" + tsihs.size() + "}"));
        }
    }

    /** A management address: it leads to whichever cluster is set, and can be made to fail its next requests. */
    private static final class ClusterAddress extends Dispatcher {
        final MockWebServer server = new MockWebServer();
        final AtomicInteger failuresToCome = new AtomicInteger();
        volatile Cluster cluster;

        ClusterAddress(Cluster cluster) {
            this.cluster = cluster;
            server.setDispatcher(this);
        }

        String url() throws IOException {
            server.start();
            return "http://" + server.getHostName() + ":" + server.getPort();
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            if (failuresToCome.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return new MockResponse.Builder().code(503).build();
            }
            Cluster current = cluster;
            String body = request.getUrl().encodedPath().equals("/api/cluster")
                    ? "{\"name\":\"cluster-" + current.uuid + "\",\"uuid\":\"" + current.uuid + "\"}"
                    : current.sessionsPage();
            return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
        }
    }

    private static final class NoStoredOffsets implements SourceTaskContext {
        @Override
        public Map<String, String> configs() {
            return Map.of();
        }

        @Override
        public OffsetStorageReader offsetStorageReader() {
            return new OffsetStorageReader() {
                @Override
                public <T> Map<String, Object> offset(Map<String, T> partition) {
                    return null;
                }

                @Override
                public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                    return Map.of();
                }
            };
        }

        @Override
        public PluginMetrics pluginMetrics() {
            return null;
        }
    }
}
