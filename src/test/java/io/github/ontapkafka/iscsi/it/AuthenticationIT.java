package io.github.ontapkafka.iscsi.it;

import io.github.ontapkafka.iscsi.config.OntapSourceConfig;
import io.github.ontapkafka.iscsi.it.HealthLog.Health;
import io.github.ontapkafka.iscsi.simulator.OntapSimulatorServer;
import io.github.ontapkafka.iscsi.simulator.SimulatedCluster;
import io.github.ontapkafka.iscsi.simulator.TokenEndpoint;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.github.ontapkafka.iscsi.fixtures.Sessions.connection;
import static io.github.ontapkafka.iscsi.fixtures.Sessions.session;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each authentication method end to end on a real Connect worker against the simulator's mutual TLS and token
 * endpoint: events flow, and every refusal is reported in the health stream by its real cause.
 */
class AuthenticationIT extends OneClusterPerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HeldCertificate SERVER_CA = new HeldCertificate.Builder().certificateAuthority(0)
            .commonName("Cluster CA").build();
    private static final HeldCertificate SERVER = new HeldCertificate.Builder().addSubjectAlternativeName("127.0.0.1")
            .addSubjectAlternativeName("localhost").signedBy(SERVER_CA).build();
    private static final HeldCertificate CLIENT_CA = new HeldCertificate.Builder().certificateAuthority(0)
            .commonName("Automation CA").build();
    private static final String CERT_USER = "iscsi-monitor";
    private static final String CLIENT_ID = "ontap-monitor";
    private static final String CLIENT_SECRET = "Cl1ent-S3cret";

    @TempDir
    Path dir;

    @BeforeEach
    void twoSessions() {
        cluster.login(session(1, "iqn.1994-05.com.redhat:host-a", connection(1)));
        cluster.login(session(2, "iqn.1994-05.com.redhat:host-b", connection(1)));
    }

    /** A cluster on HTTPS that asks for client certificates of the automation CA and may accept tokens. */
    private OntapSimulatorServer secureSimulator(SimulatedCluster mounted, TokenEndpoint tokens) {
        OntapSimulatorServer.Builder builder = OntapSimulatorServer.builder()
                .credentials(ConnectHarness.USERNAME, "not-used-here")
                .tls(new HandshakeCertificates.Builder().heldCertificate(SERVER, SERVER_CA.certificate()).build()
                        .keyManager())
                .clientCertificateAuthority(CLIENT_CA.certificate())
                .certificateUser(CERT_USER);
        if (tokens != null) {
            builder.tokenEndpoint(tokens).acceptTokensFrom(tokens);
        }
        OntapSimulatorServer server = builder.build().mount("c1", mounted).start();
        cleanup.add(server);
        return server;
    }

    private Path write(String file, String text) throws IOException {
        Path path = dir.resolve(file);
        Files.writeString(path, text);
        return path;
    }

    private Map<String, String> tls() throws IOException {
        return Map.of(OntapSourceConfig.TRUSTSTORE_LOCATION, write("cluster-ca.pem", SERVER_CA.certificatePem()).toString(),
                OntapSourceConfig.TRUSTSTORE_TYPE, "PEM");
    }

    private Map<String, String> certificate(HeldCertificate issuer) throws IOException {
        HeldCertificate client = new HeldCertificate.Builder().commonName(CERT_USER).signedBy(issuer).build();
        Map<String, String> config = new HashMap<>(tls());
        config.put(OntapSourceConfig.AUTH_METHOD, "certificate");
        config.put(OntapSourceConfig.KEYSTORE_LOCATION, write("monitor.pem", client.certificatePem()
                + issuer.certificatePem() + client.privateKeyPkcs8Pem()).toString());
        config.put(OntapSourceConfig.KEYSTORE_TYPE, "PEM");
        return config;
    }

    private Map<String, String> oauth2(OntapSimulatorServer server) throws IOException {
        Map<String, String> config = new HashMap<>(tls());
        config.put(OntapSourceConfig.AUTH_METHOD, "oauth2");
        config.put(OntapSourceConfig.OAUTH2_TOKEN_ENDPOINT_URL, server.tokenUrl());
        config.put(OntapSourceConfig.OAUTH2_CLIENT_ID, CLIENT_ID);
        config.put(OntapSourceConfig.OAUTH2_CLIENT_SECRET, CLIENT_SECRET);
        config.put(OntapSourceConfig.OAUTH2_SCOPE, "ontap.read");
        config.put(OntapSourceConfig.OAUTH2_TRUSTSTORE_LOCATION, config.get(OntapSourceConfig.TRUSTSTORE_LOCATION));
        config.put(OntapSourceConfig.OAUTH2_TRUSTSTORE_TYPE, "PEM");
        return config;
    }

    private void deploy(List<String> clusters, Map<String, String> overrides) throws InterruptedException {
        Map<String, String> config = ConnectHarness.connectorConfig(name, clusters);
        config.remove(OntapSourceConfig.USERNAME);
        config.remove(OntapSourceConfig.PASSWORD);
        config.put(OntapSourceConfig.HEALTH_TOPIC, name + "-health");
        config.put(OntapSourceConfig.HEARTBEAT_INTERVAL_MS, "0");
        config.putAll(overrides);
        harness.deploy(name, config, 1);
    }


    @Test
    void aClientCertificateIsTheOnlyCredential() throws Exception {
        OntapSimulatorServer secure = secureSimulator(cluster, null);

        deploy(List.of(secure.baseUrl(cluster)), certificate(CLIENT_CA));

        assertThat(events().awaitAtLeast(2, WAIT)).extracting(EventLog.Event::label)
                .containsExactly("SNAPSHOT 1", "SNAPSHOT 2");
        assertThat(health().awaitAtLeast(1, Health::isChange, WAIT).get(0).label()).isEqualTo("CHANGE OK");
    }

    @Test
    void aCertificateOfACaTheClusterDoesNotTrustIsReportedWithWhatOntapNeeds() throws Exception {
        OntapSimulatorServer secure = secureSimulator(cluster, null);
        HeldCertificate strangeCa = new HeldCertificate.Builder().certificateAuthority(0).commonName("Other CA").build();

        Map<String, String> config = certificate(strangeCa);
        // Validation would refuse it with the same message; the running connector is what is under test here.
        config.put(OntapSourceConfig.VALIDATE_CONNECTION, "false");
        deploy(List.of(secure.baseUrl(cluster)), config);

        Health failing = health().awaitAtLeast(1, Health::isChange, WAIT).get(0);
        assertThat(failing.label()).isEqualTo("CHANGE FAILING CERTIFICATE_REJECTED");
        assertThat(failing.text("failure_message")).contains("CN=" + CERT_USER).contains("-type client-ca")
                .contains("-authentication-method cert");
        assertThat(events().settle(Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void oauth2TokensAreRenewedBeforeTheyExpireAndAfterARevocationWithoutAFailedPoll() throws Exception {
        TokenEndpoint tokens = new TokenEndpoint(CLIENT_ID, CLIENT_SECRET).lifetime(Duration.ofSeconds(2));
        OntapSimulatorServer secure = secureSimulator(cluster, tokens);

        deploy(List.of(secure.baseUrl(cluster)), oauth2(secure));
        EventLog events = events();
        events.awaitAtLeast(2, WAIT);
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> tokens.tokensIssued() >= 3);
        assertThat(tokens.lastScope()).contains("ontap.read");
        tokens.lifetime(Duration.ofHours(1));
        tokens.revokeAll();
        int issued = tokens.tokensIssued();
        cluster.login(session(3, "iqn.1994-05.com.redhat:host-c", connection(1)));

        assertThat(events.awaitAtLeast(3, WAIT)).extracting(EventLog.Event::label)
                .containsExactly("SNAPSHOT 1", "SNAPSHOT 2", "LOGIN 3");
        assertThat(tokens.tokensIssued()).isGreaterThan(issued);
        assertThat(health().settle(Duration.ofSeconds(1))).filteredOn(Health::isChange).extracting(Health::label)
                .as("renewals never cost a poll").containsExactly("CHANGE OK");
    }

    @Test
    void aTokenEndpointThatIsDownIsReportedAsSuchNotAsRejectedCredentials() throws Exception {
        TokenEndpoint tokens = new TokenEndpoint(CLIENT_ID, CLIENT_SECRET);
        tokens.down(true);
        OntapSimulatorServer secure = secureSimulator(cluster, tokens);

        Map<String, String> config = oauth2(secure);
        config.put(OntapSourceConfig.VALIDATE_CONNECTION, "false");
        deploy(List.of(secure.baseUrl(cluster)), config);
        HealthLog health = health();
        Health failing = health.awaitAtLeast(1, Health::isChange, WAIT).get(0);
        assertThat(failing.label()).isEqualTo("CHANGE FAILING TOKEN_ENDPOINT_FAILED");
        assertThat(failing.text("failure_message")).contains(secure.tokenUrl()).contains("HTTP 503")
                .doesNotContain(CLIENT_SECRET);
        tokens.down(false);

        assertThat(health.awaitAtLeast(2, Health::isChange, WAIT).get(1).label()).isEqualTo("CHANGE OK");
        assertThat(events().awaitAtLeast(2, WAIT)).hasSize(2);
    }

    @Test
    void twoClustersWithDifferentMethodsInOneTask() throws Exception {
        SimulatedCluster secureCluster = SimulatedCluster.named("secure-" + name);
        secureCluster.login(session(7, "iqn.1994-05.com.redhat:host-z", connection(1)));
        OntapSimulatorServer secure = secureSimulator(secureCluster, null);
        Map<String, String> config = new HashMap<>();
        config.put(OntapSourceConfig.USERNAME, ConnectHarness.USERNAME);
        config.put(OntapSourceConfig.PASSWORD, ConnectHarness.PASSWORD);
        config.put("ontap.cluster.secure.url", secure.baseUrl(secureCluster));
        certificate(CLIENT_CA).forEach((key, value) -> config.put("ontap.cluster.secure." + key.substring(6), value));

        deploy(List.of(simulator.baseUrl(cluster), "secure"), config);

        List<EventLog.Event> events = events().awaitAtLeast(3, WAIT);
        assertThat(events).extracting(e -> e.clusterUuid() + " " + e.label()).containsExactlyInAnyOrder(
                cluster.uuid() + " SNAPSHOT 1", cluster.uuid() + " SNAPSHOT 2", secureCluster.uuid() + " SNAPSHOT 7");
        assertThat(harness.connect.taskConfigs(name)).hasSize(1);
    }
}
