package io.github.ontapkafka.iscsi.connector;

import io.github.ontapkafka.iscsi.ontap.OntapClient;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A task's way to the worker's plugin metrics (KIP-877, Kafka 4.1). The only class that names {@link PluginMetrics}
 * besides {@link ClusterMetrics}, so that on an older worker, which lacks both the method and the type, the task
 * runs without metrics instead of failing to load.
 */
final class TaskMetrics {

    private static final Logger log = LoggerFactory.getLogger(TaskMetrics.class);
    private static final AtomicBoolean OLD_WORKER_REPORTED = new AtomicBoolean();

    private final PluginMetrics metrics;

    private TaskMetrics(PluginMetrics metrics) {
        this.metrics = metrics;
    }

    static TaskMetrics of(SourceTaskContext context) {
        try {
            return new TaskMetrics(context.pluginMetrics());
        } catch (NoSuchMethodError | NoClassDefFoundError e) {
            if (OLD_WORKER_REPORTED.compareAndSet(false, true)) {
                log.warn("This Connect worker is older than Kafka 4.1 and offers no plugin metrics (KIP-877): the "
                        + "connector runs without its per-cluster metrics; the health topic still reports on every "
                        + "cluster.");
            }
            return new TaskMetrics(null);
        }
    }

    /** The cluster's metrics, or none where the worker (or an embedding engine) offers no plugin metrics. */
    PollMetrics forCluster(ClusterPoller poller, OntapClient client, Clock clock) {
        return metrics == null ? PollMetrics.NONE : ClusterMetrics.register(metrics, poller, client, clock);
    }
}
