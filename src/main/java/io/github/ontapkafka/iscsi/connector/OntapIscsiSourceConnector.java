package io.github.ontapkafka.iscsi.connector;

import io.github.ontapkafka.iscsi.config.ClusterSettings;
import io.github.ontapkafka.iscsi.config.ConfigProblem;
import io.github.ontapkafka.iscsi.config.OntapSourceConfig;
import io.github.ontapkafka.iscsi.event.Version;
import io.github.ontapkafka.iscsi.ontap.OntapClients;
import io.github.ontapkafka.iscsi.tracking.EmsCursor;
import io.github.ontapkafka.iscsi.tracking.OffsetFormat;
import io.github.ontapkafka.iscsi.tracking.UnusableOffsetException;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Streams iSCSI session changes of ONTAP clusters; spreads the clusters over its tasks. */
public class OntapIscsiSourceConnector extends SourceConnector {

    private static final Logger log = LoggerFactory.getLogger(OntapIscsiSourceConnector.class);

    private Map<String, String> props;
    private OntapSourceConfig config;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
        this.config = new OntapSourceConfig(props);
        // Fails now, naming the cluster and the file, rather than in every task: unusable key material.
        try (OntapClients clients = config.ontapClients(Duration.ZERO, config.requestPolicy(), Clock.systemUTC())) {
            for (ClusterSettings cluster : config.clusters()) {
                clients.create(cluster.url(), cluster.access(), cluster.scope());
                if (cluster.url().isPlainHttp()) {
                    log.warn("ONTAP cluster {} is reached over plain http: credentials and session data cross the "
                            + "network unencrypted. Use https unless a trusted proxy or a simulator is in between.",
                            cluster);
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    @Override
    public Class<? extends Task> taskClass() {
        return OntapIscsiSourceTask.class;
    }

    /**
     * Each task gets the connector's own configuration with its share of {@code ontap.clusters}: secrets stay under
     * their own keys, so that the worker can put back config-provider placeholders before it stores task configs.
     */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (List<String> clusters : ClusterAssignment.spread(config.getList(OntapSourceConfig.CLUSTERS), maxTasks)) {
            Map<String, String> taskProps = new HashMap<>(props);
            // A task holds the own settings of its clusters only: fewer copies of their secrets.
            taskProps.keySet().removeIf(key -> OntapSourceConfig.isClusterKey(key)
                    && clusters.stream().noneMatch(name -> OntapSourceConfig.isKeyOfCluster(key, name)));
            taskProps.put(OntapSourceConfig.CLUSTERS, String.join(",", clusters));
            taskProps.put(OntapSourceConfig.TASK_ID, String.valueOf(configs.size()));
            configs.add(taskProps);
        }
        return configs;
    }

    @Override
    public void stop() {
        // Nothing to release: the connector holds no connections of its own.
    }

    @Override
    public ConfigDef config() {
        return OntapSourceConfig.CONFIG_DEF;
    }

    /**
     * Each poll's records are one cluster's complete change batches, and each record's offset is the state after it;
     * with the worker's default {@code transaction.boundary=poll} a batch and its offsets commit atomically.
     */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }

    /** Checks the syntax of every key, then, unless switched off, what each cluster says to our credentials. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config result = super.validate(connectorConfigs);
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        result.configValues().forEach(value -> values.put(value.name(), value));
        if (!result.configValues().stream().allMatch(value -> value.errorMessages().isEmpty())) {
            return result;
        }
        List<ConfigProblem> problems = new ArrayList<>();
        OntapSourceConfig config = OntapSourceConfig.collectingProblems(connectorConfigs, problems);
        for (ConfigProblem problem : problems) {
            valueOf(values, problem.key()).addErrorMessage(problem.message());
        }
        if (!problems.isEmpty()) {
            return new Config(new ArrayList<>(values.values()));
        }
        if (!config.getBoolean(OntapSourceConfig.VALIDATE_CONNECTION)) {
            return result;
        }
        try {
            for (ClusterProbe.Problem problem : ClusterProbe.check(config)) {
                problem.keys().forEach(key -> valueOf(values, key).addErrorMessage(problem.message()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            values.get(OntapSourceConfig.CLUSTERS).addErrorMessage("validation interrupted");
        }
        return new Config(new ArrayList<>(values.values()));
    }

    /**
     * The entry of a key in the validation result. A cluster's own keys ({@code ontap.cluster.<name>.*}) are not in
     * the connector's ConfigDef; Connect reports entries for such keys too. Their value is left out: it may be a
     * secret.
     */
    private static ConfigValue valueOf(Map<String, ConfigValue> values, String key) {
        return values.computeIfAbsent(key, ConfigValue::new);
    }

    /**
     * Accepts a reset (null offset) of any partition, as Kafka's own file source does: so that a cluster's next poll
     * starts afresh per {@code snapshot.mode}, and so that an operator can clean up partitions this connector does not
     * recognise. A non-null offset is accepted only if it is one this connector could have written.
     */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        for (Map.Entry<Map<String, ?>, Map<String, ?>> entry : offsets.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            Map<String, ?> partition = entry.getKey();
            Object uuid = partition.get(OffsetFormat.PARTITION_CLUSTER_UUID);
            if (EmsCursor.isEmsPartition(partition) && partition.size() == 2 && uuid instanceof String text
                    && !text.isBlank()) {
                try {
                    EmsCursor.parse(entry.getValue());
                } catch (UnusableOffsetException e) {
                    throw new ConnectException("EMS offset of cluster " + uuid + " rejected: " + e.getMessage()
                            + ". Reset it (a null offset) to read what the nodes still hold.");
                }
                continue;
            }
            if (partition.size() != 1 || !(uuid instanceof String text) || text.isBlank()) {
                throw new ConnectException("Partition " + partition + " is not one of this connector's: expected {\""
                        + OffsetFormat.PARTITION_CLUSTER_UUID + "\": \"<ONTAP cluster UUID>\"}; only a reset (null "
                        + "offset) is accepted for it");
            }
            try {
                OffsetFormat.parse(entry.getValue());
            } catch (UnusableOffsetException e) {
                throw new ConnectException("Offset of cluster " + uuid + " rejected: " + e.getMessage()
                        + ". Reset the cluster (a null offset) instead of writing an offset by hand.");
            }
        }
        return true;
    }
}
