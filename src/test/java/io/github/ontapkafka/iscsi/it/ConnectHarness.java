package io.github.ontapkafka.iscsi.it;

import io.github.ontapkafka.iscsi.config.OntapSourceConfig;
import io.github.ontapkafka.iscsi.connector.OntapIscsiSourceConnector;
import org.apache.kafka.connect.runtime.ConnectorConfig;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.runtime.distributed.DistributedConfig;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real KRaft broker and real distributed Connect workers, in-process (Kafka's own test harness), with the
 * connector loaded through the service-loader scan as a production worker would find it.
 */
public final class ConnectHarness implements AutoCloseable {

    public static final String USERNAME = "monitor";
    public static final String PASSWORD = "Secr3t-Pa55";

    public final EmbeddedConnectCluster connect;

    private ConnectHarness(EmbeddedConnectCluster connect) {
        this.connect = connect;
    }

    public static ConnectHarness start(String name, int workers, Map<String, String> extraWorkerProps) {
        Map<String, String> workerProps = new HashMap<>();
        workerProps.put(WorkerConfig.KEY_CONVERTER_CLASS_CONFIG, "org.apache.kafka.connect.json.JsonConverter");
        workerProps.put("key.converter.schemas.enable", "false");
        workerProps.put(WorkerConfig.VALUE_CONVERTER_CLASS_CONFIG, "org.apache.kafka.connect.json.JsonConverter");
        workerProps.put("value.converter.schemas.enable", "false");
        workerProps.put(WorkerConfig.PLUGIN_DISCOVERY_CONFIG, "service_load");
        workerProps.put(WorkerConfig.OFFSET_COMMIT_INTERVAL_MS_CONFIG, "500");
        workerProps.put(DistributedConfig.SCHEDULED_REBALANCE_MAX_DELAY_MS_CONFIG, "2000");
        workerProps.putAll(extraWorkerProps);
        EmbeddedConnectCluster connect = new EmbeddedConnectCluster.Builder()
                .name(name)
                .numWorkers(workers)
                .workerProps(workerProps)
                .build();
        connect.start();
        return new ConnectHarness(connect);
    }

    /** A connector configuration for the given clusters, tuned for tests: fast polls, short backoffs. */
    public static Map<String, String> connectorConfig(String topic, List<String> clusterUrls) {
        Map<String, String> config = new HashMap<>();
        config.put(ConnectorConfig.CONNECTOR_CLASS_CONFIG, OntapIscsiSourceConnector.class.getName());
        config.put(ConnectorConfig.TASKS_MAX_CONFIG, "1");
        config.put(OntapSourceConfig.CLUSTERS, String.join(",", clusterUrls));
        config.put(OntapSourceConfig.USERNAME, USERNAME);
        config.put(OntapSourceConfig.PASSWORD, PASSWORD);
        config.put(OntapSourceConfig.TOPIC, topic);
        config.put(OntapSourceConfig.POLL_INTERVAL_MS, "300");
        config.put(OntapSourceConfig.REQUEST_RETRIES, "1");
        config.put(OntapSourceConfig.REQUEST_RETRY_BACKOFF_MS, "10");
        config.put(OntapSourceConfig.RETRY_BACKOFF_MS, "100");
        config.put(OntapSourceConfig.RETRY_BACKOFF_MAX_MS, "800");
        config.put(OntapSourceConfig.READ_TIMEOUT_MS, "5000");
        return config;
    }

    /** Creates the connector's topic, as an operator would, then the connector, and waits for its tasks. */
    public void deploy(String connectorName, Map<String, String> config, int tasks) throws InterruptedException {
        String topic = config.get(OntapSourceConfig.TOPIC);
        if (connect.kafka().describeTopics(topic).get(topic).isEmpty()) {
            connect.kafka().createTopic(topic, 1);
        }
        connect.configureConnector(connectorName, config);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(connectorName, tasks,
                "connector " + connectorName + " did not start");
    }

    EventLog events(String topic) {
        return new EventLog(connect.kafka(), topic);
    }

    @Override
    public void close() {
        connect.stop();
    }
}
