package io.github.ontapkafka.iscsi.it;

import io.github.ontapkafka.iscsi.config.OntapSourceConfig;
import io.github.ontapkafka.iscsi.connector.OntapIscsiSourceConnector;
import io.github.ontapkafka.iscsi.fixtures.ConnectorTopics;
import io.github.ontapkafka.iscsi.fixtures.InProcessConnect;
import org.apache.kafka.connect.runtime.ConnectorConfig;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An {@link InProcessConnect} cluster for the integration tests, with test credentials and quick polls. */
public final class ConnectHarness implements AutoCloseable {

    public static final String USERNAME = "monitor";
    public static final String PASSWORD = "Secr3t-Pa55";

    public final EmbeddedConnectCluster connect;

    private ConnectHarness(EmbeddedConnectCluster connect) {
        this.connect = connect;
    }

    public static ConnectHarness start(String name, int workers, Map<String, String> extraWorkerProps) {
        return new ConnectHarness(InProcessConnect.start(name, workers, extraWorkerProps));
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

    /** Creates the connector's topics, as an operator would, then the connector, and waits for its tasks. */
    public void deploy(String connectorName, Map<String, String> config, int tasks) throws InterruptedException {
        ConnectorTopics.create(connect.kafka(), config, 1);
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
