package io.github.ontapkafka.iscsi.connector;

import io.github.ontapkafka.iscsi.ontap.OntapClient;
import io.github.ontapkafka.iscsi.tracking.ChangeType;
import io.github.ontapkafka.iscsi.tracking.SessionChange;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Max;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One cluster's metrics, through the worker's plugin metrics (KIP-877): in JMX as
 * {@code kafka.connect:type=plugins,connector=...,task=...,cluster=<configured URL>} and in every metrics reporter
 * the worker has. Recorded on the task thread; gauges read what the cluster's {@link ClusterHealth} last recorded.
 */
final class ClusterMetrics implements PollMetrics {

    private final Sensor succeeded;
    private final Sensor failed;
    private final Sensor duration;
    private final Sensor requests;
    private final Sensor bytes;
    private final Map<ChangeType, Sensor> events = new EnumMap<>(ChangeType.class);
    private final OntapClient client;
    private long requestsSeen;
    private long bytesSeen;

    private ClusterMetrics(PluginMetrics metrics, ClusterPoller poller, OntapClient client, Clock clock) {
        this.client = client;
        String cluster = poller.cluster().toString();
        succeeded = counter(metrics, cluster, "polls-succeeded-total", "Polls of the cluster that succeeded.");
        failed = counter(metrics, cluster, "polls-failed-total", "Polls of the cluster that failed: nothing was "
                + "emitted for them.");
        duration = metrics.addSensor("poll-duration:" + cluster);
        duration.add(name(metrics, cluster, "poll-duration-avg-ms", "Average duration of a poll, in ms."), new Avg());
        duration.add(name(metrics, cluster, "poll-duration-max-ms", "Longest poll, in ms."), new Max());
        requests = perPoll(metrics, cluster, "ontap-requests", "HTTP requests to ONTAP", "requests");
        bytes = perPoll(metrics, cluster, "ontap-bytes", "bytes of ONTAP responses", "bytes");
        for (ChangeType type : ChangeType.values()) {
            LinkedHashMap<String, String> tags = tags(cluster);
            tags.put("event_type", type.name());
            Sensor sensor = metrics.addSensor("events:" + type + ":" + cluster);
            sensor.add(metrics.metricName("events-total", "Session events emitted, by type.", tags),
                    new CumulativeCount());
            events.put(type, sensor);
        }
        ClusterHealth health = poller.health();
        Instant watchedSince = clock.instant();
        gauge(metrics, cluster, "consecutive-failures", "Failed polls in a row; 0 while the cluster is OK.",
                (config, now) -> health.consecutiveFailures());
        gauge(metrics, cluster, "sessions-tracked", "Sessions tracked for the cluster, as of its last successful "
                + "poll (0 before the first).", (config, now) -> {
                    Integer sessions = health.sessionsTracked();
                    return sessions == null ? 0 : sessions;
                });
        gauge(metrics, cluster, "time-since-last-successful-poll-ms", "Milliseconds since the last successful poll "
                + "completed, or since the task started watching the cluster if none has.", (config, now) -> {
                    Instant last = health.lastSuccessAt();
                    return now - (last != null ? last : watchedSince).toEpochMilli();
                });
    }

    /** Registers the cluster's metrics; they go when the task stops, with the rest of its plugin metrics. */
    static PollMetrics register(PluginMetrics metrics, ClusterPoller poller, OntapClient client, Clock clock) {
        return new ClusterMetrics(metrics, poller, client, clock);
    }

    @Override
    public void pollSucceeded(Duration took, List<SessionChange> changes) {
        succeeded.record();
        recordPoll(took);
        for (SessionChange change : changes) {
            events.get(change.type()).record();
        }
    }

    @Override
    public void pollFailed(Duration took) {
        failed.record();
        recordPoll(took);
    }

    /** One fetch at a time per cluster: what the client counted since the last poll is this poll's. */
    private void recordPoll(Duration took) {
        duration.record(took.toMillis());
        long requestsNow = client.requestsSent();
        long bytesNow = client.bytesReceived();
        requests.record(requestsNow - requestsSeen);
        bytes.record(bytesNow - bytesSeen);
        requestsSeen = requestsNow;
        bytesSeen = bytesNow;
    }

    private static LinkedHashMap<String, String> tags(String cluster) {
        LinkedHashMap<String, String> tags = new LinkedHashMap<>();
        tags.put("cluster", cluster);
        return tags;
    }

    private static MetricName name(PluginMetrics metrics, String cluster, String name, String description) {
        return metrics.metricName(name, description, tags(cluster));
    }

    private static Sensor counter(PluginMetrics metrics, String cluster, String name, String description) {
        Sensor sensor = metrics.addSensor(name + ":" + cluster);
        sensor.add(name(metrics, cluster, name, description), new CumulativeCount());
        return sensor;
    }

    /** A per-poll average and a running total of something each poll costs. */
    private static Sensor perPoll(PluginMetrics metrics, String cluster, String name, String what, String unit) {
        Sensor sensor = metrics.addSensor(name + ":" + cluster);
        sensor.add(name(metrics, cluster, name + "-per-poll-avg", "Average " + what + " per poll."), new Avg());
        sensor.add(name(metrics, cluster, name + "-total", "All " + what + ", in " + unit + "."), new CumulativeSum());
        return sensor;
    }

    private static void gauge(PluginMetrics metrics, String cluster, String name, String description,
                              Gauge<? extends Number> gauge) {
        metrics.addMetric(name(metrics, cluster, name, description), gauge);
    }
}
