package io.github.ontapkafka.iscsi.connector;

import io.github.ontapkafka.iscsi.config.OntapSourceConfig;
import io.github.ontapkafka.iscsi.event.EventSchemas;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Minimal ONTAP clusters on MockWebServer, and a task context around them, for tests that drive a task by hand. */
final class MockClusters {

    private MockClusters() {
    }

    /** A cluster: its identity and the TSIHs of its sessions. */
    static final class Cluster {
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
    static final class Address extends Dispatcher {
        final MockWebServer server = new MockWebServer();
        final AtomicInteger failuresToCome = new AtomicInteger();
        volatile Cluster cluster;

        Address(Cluster cluster) {
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

        void shutDown() throws IOException {
            server.close();
        }
    }

    /** A task's configuration for the clusters at {@code addresses}: quick polls and retries, no request retries. */
    static Map<String, String> taskConfig(Address... addresses) throws IOException {
        List<String> urls = new ArrayList<>();
        for (Address address : addresses) {
            urls.add(address.url());
        }
        return Map.of(OntapSourceConfig.CLUSTERS, String.join(",", urls),
                OntapSourceConfig.USERNAME, "admin", OntapSourceConfig.PASSWORD, "secret",
                OntapSourceConfig.TOPIC, "sessions", OntapSourceConfig.POLL_INTERVAL_MS, "100",
                OntapSourceConfig.REQUEST_RETRIES, "0", OntapSourceConfig.RETRY_BACKOFF_MS, "50",
                OntapSourceConfig.RETRY_BACKOFF_MAX_MS, "100");
    }

    /** A task context whose offset reader answers with {@code offsets} (null: no stored offset), without metrics. */
    static SourceTaskContext context(Function<Map<String, ?>, Map<String, Object>> offsets) {
        return context(offsets, () -> null);
    }

    /** A task context with the plugin metrics {@code metrics} gives (or throws, as an old worker's does). */
    static SourceTaskContext context(Function<Map<String, ?>, Map<String, Object>> offsets,
                                     Supplier<PluginMetrics> metrics) {
        return new SourceTaskContext() {
            @Override
            public Map<String, String> configs() {
                return Map.of();
            }

            @Override
            public OffsetStorageReader offsetStorageReader() {
                return new OffsetStorageReader() {
                    @Override
                    public <T> Map<String, Object> offset(Map<String, T> partition) {
                        return offsets.apply(partition);
                    }

                    @Override
                    public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                        throw new UnsupportedOperationException("the task reads one partition at a time");
                    }
                };
            }

            @Override
            public PluginMetrics pluginMetrics() {
                return metrics.get();
            }
        };
    }

    /**
     * Polls {@code task} until it has returned {@code count} session events, for at most 15 s; "cluster uuid, type,
     * tsih". Health records are passed over.
     */
    static List<String> pollUntil(SourceTask task, int count) throws InterruptedException {
        List<String> events = new ArrayList<>();
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (events.size() < count && System.nanoTime() < deadline) {
            List<SourceRecord> records = task.poll();
            for (SourceRecord record : records == null ? List.<SourceRecord>of() : records) {
                if (!EventSchemas.VALUE.equals(record.valueSchema())) {
                    continue;
                }
                events.add(record.sourcePartition().get("cluster_uuid") + " "
                        + ((Struct) record.value()).getString("event_type") + " "
                        + ((Struct) record.key()).getInt32("tsih"));
            }
        }
        return events;
    }
}
