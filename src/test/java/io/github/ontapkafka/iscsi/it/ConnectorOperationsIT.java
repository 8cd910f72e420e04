package io.github.ontapkafka.iscsi.it;

import io.github.ontapkafka.iscsi.config.OntapSourceConfig;
import io.github.ontapkafka.iscsi.connector.OntapIscsiSourceConnector;
import io.github.ontapkafka.iscsi.tracking.OffsetFormat;
import io.github.ontapkafka.iscsi.fixtures.LogCapture;
import io.github.ontapkafka.iscsi.it.EventLog.Event;
import io.github.ontapkafka.iscsi.simulator.Fault;
import io.github.ontapkafka.iscsi.simulator.FaultScope;
import io.github.ontapkafka.iscsi.simulator.OntapSimulatorServer;
import io.github.ontapkafka.iscsi.simulator.SimulatedCluster;
import io.github.ontapkafka.iscsi.simulator.TokenEndpoint;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import okhttp3.Credentials;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.runtime.rest.entities.TaskInfo;
import org.apache.kafka.connect.runtime.rest.errors.ConnectRestException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.stream.Collectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.ontapkafka.iscsi.fixtures.Sessions.connection;
import static io.github.ontapkafka.iscsi.fixtures.Sessions.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the connector behaves as an operator runs it: secrets, reconfiguration, a cluster that hangs. */
class ConnectorOperationsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static ConnectHarness harness;

    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private final List<String> connectors = new ArrayList<>();
    private OntapSimulatorServer simulator;

    @BeforeAll
    static void startConnect() {
        harness = ConnectHarness.start("operations-it", 1, Map.of(
                "config.providers", "file",
                "config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider"));
    }

    @AfterAll
    static void stopConnect() {
        harness.close();
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (String connector : connectors) {
            harness.connect.deleteConnector(connector);
        }
        for (AutoCloseable closeable : cleanup) {
            closeable.close();
        }
    }

    private SimulatedCluster cluster(String id) {
        if (simulator == null || !simulator.isRunning()) {
            simulator = OntapSimulatorServer.builder()
                    .credentials(ConnectHarness.USERNAME, ConnectHarness.PASSWORD).build().start();
            cleanup.add(simulator);
        }
        SimulatedCluster cluster = SimulatedCluster.named(id + "-" + System.nanoTime());
        simulator.mount(id, cluster);
        return cluster;
    }

    private EventLog deploy(String name, Map<String, String> config, int tasks) throws InterruptedException {
        connectors.add(name);
        harness.deploy(name, config, tasks);
        EventLog log = harness.events(config.get(OntapSourceConfig.TOPIC));
        cleanup.add(log);
        return log;
    }

    private static long count(List<Event> events, SimulatedCluster cluster) {
        return events.stream().filter(e -> e.clusterUuid().equals(cluster.uuid())).count();
    }

    @Test
    void thePasswordStaysAConfigProviderPlaceholderAndAppearsInNoLogLine(@TempDir Path dir) throws Exception {
        Path secrets = dir.resolve("ontap.properties");
        Files.writeString(secrets, "password=" + ConnectHarness.PASSWORD + "\n");
        String placeholder = "${file:" + secrets + ":password}";
        SimulatedCluster good = cluster("good");
        good.login(session(1, "iqn.a", connection(1)));
        SimulatedCluster locked = SimulatedCluster.named("locked");
        OntapSimulatorServer wrongPassword = OntapSimulatorServer.builder().credentials(ConnectHarness.USERNAME, "other")
                .build().mount("locked", locked).start();
        cleanup.add(wrongPassword);
        Map<String, String> config = ConnectHarness.connectorConfig("secrets",
                List.of(simulator.baseUrl(good), wrongPassword.baseUrl(locked)));
        config.put(OntapSourceConfig.PASSWORD, placeholder);
        config.put(OntapSourceConfig.VALIDATE_CONNECTION, "false");

        List<String> lines;
        try (LogCapture logs = LogCapture.everything()) {
            EventLog events = deploy("secrets", config, 1);
            events.awaitAtLeast(1, WAIT);
            Awaitility.await().atMost(WAIT).until(() -> logs.lines().stream().anyMatch(l -> l.contains("HTTP 401")));
            lines = logs.lines();
        }

        assertThat(harness.connect.connectorInfo("secrets").config()).containsEntry(OntapSourceConfig.PASSWORD, placeholder);
        for (TaskInfo task : harness.connect.taskConfigs("secrets")) {
            assertThat(task.config()).containsEntry(OntapSourceConfig.PASSWORD, placeholder);
            assertThat(task.config().values()).noneMatch(v -> v.contains(ConnectHarness.PASSWORD));
        }
        assertThat(harness.connect.connectorStatus("secrets").toString()).doesNotContain(ConnectHarness.PASSWORD);
        String basic = Credentials.basic(ConnectHarness.USERNAME, ConnectHarness.PASSWORD).substring("Basic ".length());
        assertThat(lines).as("log lines captured at DEBUG").hasSizeGreaterThan(100);
        assertThat(lines).noneMatch(line -> line.contains(ConnectHarness.PASSWORD) || line.contains(basic));
    }

    /**
     * Every secret of the other authentication methods and of a named cluster, through a config provider: key store
     * and key passwords, truststore password, OAuth 2.0 client secret (and the tokens it gets), a cluster's own
     * password. A wrong client secret on one cluster gets its refusal logged; none of them appears anywhere.
     */
    @Test
    void everySecretOfEveryMethodStaysAPlaceholderAndAppearsInNoLogLine(@TempDir Path dir) throws Exception {
        String keyPassword = "K3y-Pa55";
        String truststorePassword = "Tru5t-Pa55";
        String clientSecret = "Cl1ent-S3cret";
        String labPassword = "L4b-Pa55";
        Path secrets = dir.resolve("ontap.properties");
        Files.writeString(secrets, "key=" + keyPassword + "\ntrust=" + truststorePassword + "\nclient=" + clientSecret
                + "\nwrongclient=not-" + clientSecret + "\nlab=" + labPassword + "\n");
        HeldCertificate serverCa = new HeldCertificate.Builder().certificateAuthority(0).build();
        HeldCertificate server = new HeldCertificate.Builder().addSubjectAlternativeName("127.0.0.1")
                .signedBy(serverCa).build();
        // OpenSSL-made: a self-signed client certificate with a PBES2-encrypted key (password K3y-Pa55).
        Path certificate = Path.of(getClass().getClassLoader().getResource("pem/monitor.crt").toURI());
        Path encryptedKey = Path.of(getClass().getClassLoader().getResource("pem/monitor-encrypted.key").toURI());
        X509Certificate clientCertificate;
        try (InputStream in = Files.newInputStream(certificate)) {
            clientCertificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        TokenEndpoint tokens = new TokenEndpoint("monitor", clientSecret);
        SimulatedCluster secureCluster = SimulatedCluster.named("secure-" + System.nanoTime());
        secureCluster.login(session(1, "iqn.a", connection(1)));
        SimulatedCluster tokenCluster = SimulatedCluster.named("token-" + System.nanoTime());
        tokenCluster.login(session(2, "iqn.b", connection(1)));
        SimulatedCluster refusedCluster = SimulatedCluster.named("refused-" + System.nanoTime());
        OntapSimulatorServer secure = OntapSimulatorServer.builder().credentials(ConnectHarness.USERNAME, labPassword)
                .tls(new HandshakeCertificates.Builder().heldCertificate(server).build().keyManager())
                .clientCertificateAuthority(clientCertificate).certificateUser("iscsi-monitor")
                .tokenEndpoint(tokens).acceptTokensFrom(tokens).build()
                .mount("secure", secureCluster).mount("token", tokenCluster).mount("refused", refusedCluster).start();
        cleanup.add(secure);
        SimulatedCluster lab = SimulatedCluster.named("lab-" + System.nanoTime());
        lab.login(session(3, "iqn.c", connection(1)));
        secure.mount("lab", lab);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", serverCa.certificate());
        Path truststore = dir.resolve("ca.p12");
        try (OutputStream out = Files.newOutputStream(truststore)) {
            trust.store(out, truststorePassword.toCharArray());
        }
        Map<String, String> config = ConnectHarness.connectorConfig("all-secrets", List.of("secure", "token", "refused", "lab"));
        config.remove(OntapSourceConfig.PASSWORD);
        config.put(OntapSourceConfig.VALIDATE_CONNECTION, "false");
        config.put(OntapSourceConfig.TRUSTSTORE_LOCATION, truststore.toString());
        config.put(OntapSourceConfig.TRUSTSTORE_PASSWORD, "${file:" + secrets + ":trust}");
        config.put("ontap.cluster.secure.url", secure.baseUrl(secureCluster));
        config.put("ontap.cluster.secure.auth.method", "certificate");
        config.put("ontap.cluster.secure.ssl.keystore.type", "PEM");
        config.put("ontap.cluster.secure.ssl.keystore.location", certificate.toString());
        config.put("ontap.cluster.secure.ssl.keystore.key.location", encryptedKey.toString());
        config.put("ontap.cluster.secure.ssl.key.password", "${file:" + secrets + ":key}");
        for (String name : List.of("token", "refused")) {
            config.put("ontap.cluster." + name + ".url", secure.baseUrl(name.equals("token") ? tokenCluster : refusedCluster));
            config.put("ontap.cluster." + name + ".auth.method", "oauth2");
            config.put("ontap.cluster." + name + ".oauth2.token.endpoint.url", secure.tokenUrl());
            config.put("ontap.cluster." + name + ".oauth2.client.id", "monitor");
            config.put("ontap.cluster." + name + ".oauth2.ssl.truststore.location", truststore.toString());
            config.put("ontap.cluster." + name + ".oauth2.ssl.truststore.password", "${file:" + secrets + ":trust}");
        }
        config.put("ontap.cluster.token.oauth2.client.secret", "${file:" + secrets + ":client}");
        config.put("ontap.cluster.refused.oauth2.client.secret", "${file:" + secrets + ":wrongclient}");
        config.put("ontap.cluster.lab.url", secure.baseUrl(lab));
        config.put("ontap.cluster.lab.password", "${file:" + secrets + ":lab}");
        Map<String, String> placeholders = config.entrySet().stream().filter(e -> e.getValue().startsWith("${file:"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

        List<String> lines;
        try (LogCapture logs = LogCapture.everything()) {
            EventLog events = deploy("all-secrets", config, 1);
            assertThat(events.awaitAtLeast(3, WAIT)).extracting(Event::label)
                    .containsExactlyInAnyOrder("SNAPSHOT 1", "SNAPSHOT 2", "SNAPSHOT 3");
            Awaitility.await().atMost(WAIT).until(() -> logs.lines().stream().anyMatch(l -> l.contains("invalid_client")));
            lines = logs.lines();
        }

        List<String> secretValues = List.of(keyPassword, truststorePassword, clientSecret, labPassword);
        assertThat(harness.connect.connectorInfo("all-secrets").config()).containsAllEntriesOf(placeholders);
        for (TaskInfo task : harness.connect.taskConfigs("all-secrets")) {
            assertThat(task.config()).containsAllEntriesOf(placeholders);
            assertThat(task.config().values()).noneMatch(v -> secretValues.stream().anyMatch(v::contains));
        }
        assertThat(harness.connect.connectorStatus("all-secrets").toString())
                .doesNotContain(keyPassword, truststorePassword, clientSecret, labPassword);
        assertThat(tokens.tokensIssued()).isPositive();
        assertThat(lines).as("log lines captured at DEBUG").hasSizeGreaterThan(100);
        assertThat(lines).noneMatch(line -> secretValues.stream().anyMatch(line::contains) || line.contains("Bearer "));
    }

    @Test
    void addingAndRemovingClustersReassignsThemWithoutReplay() throws Exception {
        SimulatedCluster first = cluster("first");
        SimulatedCluster second = cluster("second");
        first.login(session(1, "iqn.a", connection(1)));
        first.login(session(2, "iqn.b", connection(1)));
        second.login(session(1, "iqn.c", connection(1)));
        Map<String, String> config = ConnectHarness.connectorConfig("reassign", List.of(simulator.baseUrl(first)));
        config.put("tasks.max", "2");
        EventLog log = deploy("reassign", config, 1);
        log.awaitAtLeast(2, WAIT);

        config.put(OntapSourceConfig.CLUSTERS, simulator.baseUrl(first) + "," + simulator.baseUrl(second));
        harness.connect.configureConnector("reassign", config);
        harness.connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("reassign", 2, "two tasks");
        log.awaitAtLeast(1, e -> e.clusterUuid().equals(second.uuid()), WAIT);
        first.login(session(3, "iqn.d", connection(1)));
        List<Event> events = log.awaitAtLeast(4, WAIT);

        assertThat(count(events, first)).as("2 snapshots, no replay, then the new login").isEqualTo(3);
        assertThat(events).filteredOn(e -> e.clusterUuid().equals(second.uuid())).extracting(Event::label)
                .containsExactly("SNAPSHOT 1");

        config.put(OntapSourceConfig.CLUSTERS, simulator.baseUrl(second));
        harness.connect.configureConnector("reassign", config);
        harness.connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("reassign", 1, "one task");
        long firstPolls = first.stats().requests(SessionPolls.PATH);
        first.logout(session(1, "iqn.a").key());
        second.login(session(2, "iqn.e", connection(1)));

        log.awaitAtLeast(2, e -> e.clusterUuid().equals(second.uuid()), WAIT);
        List<Event> settled = log.settle(Duration.ofSeconds(2));
        assertThat(count(settled, first)).as("a removed cluster is no longer polled").isEqualTo(3);
        assertThat(first.stats().requests(SessionPolls.PATH)).isLessThanOrEqualTo(firstPolls + 1);
        assertThat(settled.stream().map(Event::id).distinct().count()).isEqualTo(settled.size());
    }

    @Test
    void aClusterThatHangsDoesNotHoldUpTheOthers() throws Exception {
        SimulatedCluster hanging = cluster("hanging");
        SimulatedCluster healthy = cluster("healthy");
        hanging.faults().injectUntilCleared(Fault.delay(Duration.ofSeconds(25)), FaultScope.everyRequest());
        healthy.login(session(1, "iqn.a", connection(1)));
        Map<String, String> config = ConnectHarness.connectorConfig("hanging",
                List.of(simulator.baseUrl(hanging), simulator.baseUrl(healthy)));
        config.put(OntapSourceConfig.READ_TIMEOUT_MS, "40000");
        config.put(OntapSourceConfig.VALIDATE_CONNECTION, "false");
        EventLog log = deploy("hanging", config, 1);

        log.awaitAtLeast(1, WAIT);
        healthy.login(session(2, "iqn.b", connection(1)));
        log.awaitAtLeast(2, WAIT);
        SessionPolls.await(healthy, 10, WAIT);

        assertThat(log.settle(Duration.ofSeconds(2))).as("nothing more during the ten polls")
                .extracting(Event::label).containsExactly("SNAPSHOT 1", "LOGIN 2");
        assertThat(hanging.stats().totalRequests()).as("still waiting for its first answer").isEqualTo(1);
        hanging.faults().clear();
    }

    @Test
    void resettingAClustersOffsetMakesItStartAfreshWhileTheOthersCarryOn() throws Exception {
        SimulatedCluster reset = cluster("reset");
        SimulatedCluster kept = cluster("kept");
        reset.login(session(1, "iqn.a", connection(1)));
        kept.login(session(1, "iqn.b", connection(1)));
        Map<String, String> config = ConnectHarness.connectorConfig("offsets",
                List.of(simulator.baseUrl(reset), simulator.baseUrl(kept)));
        EventLog log = deploy("offsets", config, 1);
        log.awaitAtLeast(2, WAIT);
        reset.login(session(2, "iqn.c", connection(1)));
        log.awaitAtLeast(3, WAIT);

        harness.connect.stopConnector("offsets");
        harness.connect.assertions().assertConnectorIsStopped("offsets", "connector did not stop");
        harness.connect.alterSourceConnectorOffset("offsets", OffsetFormat.partition(reset.uuid()), null);
        harness.connect.resumeConnector("offsets");
        harness.connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("offsets", 1, "did not resume");

        List<Event> events = log.awaitAtLeast(5, WAIT);
        assertThat(log.settle(Duration.ofSeconds(2))).hasSize(5);
        assertThat(events.subList(3, 5)).extracting(e -> e.clusterUuid().equals(reset.uuid()) + " " + e.label())
                .as("the reset cluster snapshots again; the other replays nothing")
                .containsExactly("true SNAPSHOT 1", "true SNAPSHOT 2");
    }

    @Test
    void anOffsetTheConnectorCouldNotHaveWrittenIsRejectedWithTheReason() throws Exception {
        SimulatedCluster cluster = cluster("malformed");
        cluster.login(session(1, "iqn.a", connection(1)));
        EventLog log = deploy("malformed", ConnectHarness.connectorConfig("malformed", List.of(simulator.baseUrl(cluster))), 1);
        log.awaitAtLeast(1, WAIT);
        harness.connect.stopConnector("malformed");
        harness.connect.assertions().assertConnectorIsStopped("malformed", "connector did not stop");

        assertThatThrownBy(() -> harness.connect.alterSourceConnectorOffset("malformed",
                OffsetFormat.partition(cluster.uuid()), Map.of("format", 1, "generation", 3, "sessions", "%%%")))
                .isInstanceOf(ConnectRestException.class)
                .hasMessageContaining("sessions is not base64");
        assertThatThrownBy(() -> harness.connect.alterSourceConnectorOffset("malformed",
                Map.of("cluster", "x"), Map.of("format", 1)))
                .hasMessageContaining("cluster_uuid");
        // As with Kafka's own file source, an operator may reset (clean up) a partition the connector does not know.
        assertThatCode(() -> harness.connect.alterSourceConnectorOffset("malformed", Map.of("cluster", "x"), null))
                .doesNotThrowAnyException();
    }

    @Test
    void theValidateEndpointReportsEachProblemOnTheKeyItConcerns() {
        SimulatedCluster cluster = cluster("validate");
        Map<String, String> config = ConnectHarness.connectorConfig("validate", List.of(simulator.baseUrl(cluster)));
        config.put(OntapSourceConfig.PASSWORD, "not-the-password");
        config.put("name", "validate");

        ConfigInfos infos = harness.connect.validateConnectorConfig(OntapIscsiSourceConnector.class.getSimpleName(), config);

        Map<String, List<String>> errors = new java.util.HashMap<>();
        for (ConfigInfo info : infos.values()) {
            if (!info.configValue().errors().isEmpty()) {
                errors.put(info.configValue().name(), info.configValue().errors());
            }
        }
        assertThat(errors).containsOnlyKeys(OntapSourceConfig.USERNAME, OntapSourceConfig.PASSWORD);
        assertThat(errors.get(OntapSourceConfig.PASSWORD)).singleElement().asString()
                .contains(simulator.baseUrl(cluster)).contains("HTTP 401").doesNotContain("not-the-password");
    }
}
