package io.github.ontapkafka.iscsi.demo;

import io.github.ontapkafka.iscsi.config.OntapSourceConfig;
import io.github.ontapkafka.iscsi.connector.OntapIscsiSourceConnector;
import io.github.ontapkafka.iscsi.fixtures.ConnectorTopics;
import org.apache.kafka.connect.runtime.ConnectorConfig;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The demo's connector: its configuration, checked through Connect's validate endpoint (which also contacts each
 * cluster), then created, as an operator would do through the REST API. Problems are reported in words.
 */
final class ConnectorDeployment {

    static final String NAME = "ontap-iscsi-sessions";
    static final String TOPIC = OntapSourceConfig.DEFAULT_TOPIC;
    static final String HEALTH_TOPIC = OntapSourceConfig.DEFAULT_HEALTH_TOPIC;
    static final String EMS_TOPIC = OntapSourceConfig.DEFAULT_EMS_TOPIC;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STATUS_POLL = Duration.ofMillis(200);

    private ConnectorDeployment() {
    }

    /**
     * The connector's configuration for the clusters at {@code clusterUrls}, with the demo's options. The secrets of
     * {@code login} go into it as plain values, as the password always has: the worker that stores them runs in this
     * JVM, and its topics go when the demo stops.
     */
    static Map<String, String> config(DemoOptions options, List<String> clusterUrls, OntapLogin login) {
        Map<String, String> config = new HashMap<>();
        config.put(ConnectorConfig.NAME_CONFIG, NAME);
        config.put(ConnectorConfig.CONNECTOR_CLASS_CONFIG, OntapIscsiSourceConnector.class.getName());
        config.put(ConnectorConfig.TASKS_MAX_CONFIG, "1");
        config.put(OntapSourceConfig.CLUSTERS, String.join(",", clusterUrls));
        config.put(OntapSourceConfig.AUTH_METHOD, options.authMethod());
        switch (options.authMethod()) {
            case DemoOptions.CERTIFICATE -> {
                DemoOptions.ClientCertificate certificate = options.certificate();
                config.put(OntapSourceConfig.KEYSTORE_LOCATION, certificate.keystore().toString());
                config.put(OntapSourceConfig.KEYSTORE_TYPE, certificate.type());
                putIfGiven(config, OntapSourceConfig.KEYSTORE_KEY_LOCATION, certificate.key());
                putIfGiven(config, OntapSourceConfig.KEYSTORE_PASSWORD, login.keystorePassword());
                putIfGiven(config, OntapSourceConfig.KEY_PASSWORD, login.keyPassword());
            }
            case DemoOptions.OAUTH2 -> {
                DemoOptions.OAuth2Client client = options.oauth2();
                config.put(OntapSourceConfig.OAUTH2_TOKEN_ENDPOINT_URL, client.tokenUrl());
                config.put(OntapSourceConfig.OAUTH2_CLIENT_ID, client.clientId());
                config.put(OntapSourceConfig.OAUTH2_CLIENT_SECRET, login.clientSecret());
                putIfGiven(config, OntapSourceConfig.OAUTH2_SCOPE, client.scope());
                putIfGiven(config, OntapSourceConfig.OAUTH2_AUDIENCE, client.audience());
            }
            default -> {
                config.put(OntapSourceConfig.USERNAME, login.username());
                config.put(OntapSourceConfig.PASSWORD, login.password());
            }
        }
        putIfGiven(config, OntapSourceConfig.SESSIONS_FILTER, options.filter());
        config.put(OntapSourceConfig.TOPIC, TOPIC);
        config.put(OntapSourceConfig.HEALTH_TOPIC, HEALTH_TOPIC);
        if (options.ems()) {
            config.put(OntapSourceConfig.EMS_ENABLED, "true");
            config.put(OntapSourceConfig.EMS_TOPIC, EMS_TOPIC);
        }
        config.put(OntapSourceConfig.POLL_INTERVAL_MS, String.valueOf(Duration.ofSeconds(options.pollSeconds())
                .toMillis()));
        config.put(OntapSourceConfig.SNAPSHOT_MODE, options.snapshotMode());
        if (options.truststore() != null) {
            config.put(OntapSourceConfig.TRUSTSTORE_LOCATION, options.truststore().toString());
            config.put(OntapSourceConfig.TRUSTSTORE_TYPE, options.truststoreType());
            putIfGiven(config, OntapSourceConfig.TRUSTSTORE_PASSWORD, login.truststorePassword());
        }
        config.put(OntapSourceConfig.HOSTNAME_VERIFICATION, String.valueOf(options.verifyHostname()));
        return config;
    }

    private static void putIfGiven(Map<String, String> config, String key, Object value) {
        if (value != null) {
            config.put(key, value.toString());
        }
    }

    /**
     * Fails, listing Connect's objections, when the configuration does not validate: an unreachable cluster, an
     * untrusted certificate, rejected credentials, a missing privilege. Connect files one problem under every key it
     * concerns (rejected credentials under the user name and the password); each is listed once, with its keys.
     */
    static void validate(EmbeddedConnectCluster connect, Map<String, String> config) throws DemoFailure {
        ConfigInfos validation = connect.validateConnectorConfig(OntapIscsiSourceConnector.class.getSimpleName(),
                config);
        if (validation.errorCount() == 0) {
            return;
        }
        Map<String, List<String>> keysByProblem = new LinkedHashMap<>();
        for (ConfigInfo info : validation.values()) {
            for (String problem : info.configValue().errors()) {
                keysByProblem.computeIfAbsent(problem, p -> new ArrayList<>()).add(info.configValue().name());
            }
        }
        throw new DemoFailure("Connect rejected the connector's configuration:\n" + keysByProblem.entrySet().stream()
                .map(entry -> "  " + String.join(", ", entry.getValue()) + ": " + entry.getKey())
                .collect(Collectors.joining("\n")));
    }

    /**
     * Creates the topics (the connector never does) and the connector, and waits until its task runs, or until
     * {@code cancelled} says to give up.
     *
     * @throws CancellationException when {@code cancelled} said so
     */
    static void deploy(EmbeddedConnectCluster connect, Map<String, String> config, BooleanSupplier cancelled)
            throws DemoFailure, InterruptedException {
        ConnectorTopics.create(connect.kafka(), config, 1);
        connect.configureConnector(NAME, config);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("stopping");
            }
            ConnectorStateInfo status = status(connect);
            if (status != null) {
                List<ConnectorStateInfo.AbstractState> states = Stream.concat(Stream.of(status.connector()),
                        status.tasks().stream()).toList();
                for (ConnectorStateInfo.AbstractState state : states) {
                    if ("FAILED".equals(state.state())) {
                        throw new DemoFailure("The connector failed: " + firstLine(state.trace()));
                    }
                }
                if (!status.tasks().isEmpty() && states.stream().allMatch(s -> "RUNNING".equals(s.state()))) {
                    return;
                }
            }
            Thread.sleep(STATUS_POLL.toMillis());
        }
        throw new DemoFailure("The connector did not start within " + START_TIMEOUT.toSeconds() + " s");
    }

    /** Null until the worker knows the connector. */
    private static ConnectorStateInfo status(EmbeddedConnectCluster connect) {
        try {
            return connect.connectorStatus(NAME);
        } catch (RuntimeException notYetKnown) {
            return null;
        }
    }

    private static String firstLine(String trace) {
        return trace == null ? "(no reason given)" : trace.lines().findFirst().orElse(trace);
    }
}
