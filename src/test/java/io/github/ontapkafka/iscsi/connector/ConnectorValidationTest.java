package io.github.ontapkafka.iscsi.connector;

import io.github.ontapkafka.iscsi.config.OntapSourceConfig;
import io.github.ontapkafka.iscsi.simulator.OntapSimulatorServer;
import io.github.ontapkafka.iscsi.simulator.SimulatedCluster;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** validate() as the Connect REST validate endpoint runs it: each problem on the key it concerns. */
class ConnectorValidationTest {

    private static final String PASSWORD = "Secr3t-Pa55";

    private final SimulatedCluster cluster = SimulatedCluster.named("validated");
    private OntapSimulatorServer simulator;

    @BeforeEach
    void start() {
        simulator = OntapSimulatorServer.builder().credentials("monitor", PASSWORD).build().mount("c1", cluster).start();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private static Map<String, String> props(String clusters, String password) {
        Map<String, String> props = new HashMap<>();
        props.put(OntapSourceConfig.CLUSTERS, clusters);
        props.put(OntapSourceConfig.USERNAME, "monitor");
        props.put(OntapSourceConfig.PASSWORD, password);
        return props;
    }

    private static Map<String, List<String>> errors(Map<String, String> props) {
        Config config = new OntapIscsiSourceConnector().validate(props);
        return config.configValues().stream().filter(v -> !v.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }

    @Test
    void aReachableClusterWithGoodCredentialsValidates() {
        assertThat(errors(props(simulator.baseUrl(cluster), PASSWORD))).isEmpty();
        assertThat(cluster.stats().requests("/api/protocols/san/iscsi/sessions")).isEqualTo(1);
    }

    @Test
    void aMalformedUrlIsReportedOnTheClusterListWithoutContactingAnything() {
        Map<String, List<String>> errors = errors(props(simulator.baseUrl(cluster) + ",htp:/broken", PASSWORD));

        assertThat(errors).containsOnlyKeys(OntapSourceConfig.CLUSTERS);
        assertThat(errors.get(OntapSourceConfig.CLUSTERS)).singleElement().asString().contains("htp:/broken");
        assertThat(cluster.stats().totalRequests()).isZero();
    }

    @Test
    void aHealthTopicThatIsTheSessionTopicIsReportedOnItWithoutContactingAnything() {
        Map<String, String> props = props(simulator.baseUrl(cluster), PASSWORD);
        props.put(OntapSourceConfig.TOPIC, "ontap.events");
        props.put(OntapSourceConfig.HEALTH_TOPIC, "ontap.events");

        Map<String, List<String>> errors = errors(props);

        assertThat(errors).containsOnlyKeys(OntapSourceConfig.HEALTH_TOPIC);
        assertThat(errors.get(OntapSourceConfig.HEALTH_TOPIC)).singleElement().asString()
                .contains("must differ from topic");
        assertThat(cluster.stats().totalRequests()).isZero();
    }

    @Test
    void rejectedCredentialsAreReportedOnUsernameAndPasswordNamingTheCluster() {
        Map<String, List<String>> errors = errors(props(simulator.baseUrl(cluster), "wrong-password"));

        assertThat(errors).containsOnlyKeys(OntapSourceConfig.USERNAME, OntapSourceConfig.PASSWORD);
        assertThat(errors.get(OntapSourceConfig.PASSWORD)).singleElement().asString()
                .contains(simulator.baseUrl(cluster)).contains("401").doesNotContain("wrong-password");
    }

    @Test
    void aNamedClustersOwnCredentialsAreCheckedAndReportedOnItsOwnKeys() {
        Map<String, String> props = props("lab,https://127.0.0.1:1", PASSWORD);
        props.put(OntapSourceConfig.CLUSTERS, "lab");
        props.put("ontap.cluster.lab.url", simulator.baseUrl(cluster));
        props.put("ontap.cluster.lab.password", "lab-wrong-password");

        Map<String, List<String>> errors = errors(props);

        assertThat(errors).containsOnlyKeys(OntapSourceConfig.USERNAME, "ontap.cluster.lab.password");
        assertThat(errors.get("ontap.cluster.lab.password")).singleElement().asString()
                .contains(simulator.baseUrl(cluster)).contains("401")
                .doesNotContain("lab-wrong-password");
    }

    @Test
    void aMisspelledSettingOfANamedClusterIsReportedWithoutContactingIt() {
        Map<String, String> props = props("lab", PASSWORD);
        props.put("ontap.cluster.lab.url", simulator.baseUrl(cluster));
        props.put("ontap.cluster.lab.pasword", "x");

        assertThat(errors(props)).containsOnlyKeys("ontap.cluster.lab.pasword");
        assertThat(cluster.stats().requests("/api/cluster")).isZero();
    }

    @Test
    void readingTheEventLogIsCheckedAsAnEmsReadWouldBegin() {
        Map<String, String> props = props(simulator.baseUrl(cluster), PASSWORD);
        props.put(OntapSourceConfig.EMS_ENABLED, "true");

        assertThat(errors(props)).isEmpty();
        // Validation asks one record per page: one page per node.
        assertThat(cluster.stats().requests("/api/cluster/nodes")).isEqualTo(cluster.nodes().size());
        assertThat(cluster.stats().requests("/api/support/ems/events")).isEqualTo(1);
    }

    @Test
    void anEmsTopicThatIsAnotherTopicIsRefusedOnIt() {
        Map<String, String> props = props(simulator.baseUrl(cluster), PASSWORD);
        props.put(OntapSourceConfig.EMS_ENABLED, "true");
        props.put(OntapSourceConfig.EMS_TOPIC, OntapSourceConfig.DEFAULT_TOPIC);

        assertThat(errors(props)).containsOnlyKeys(OntapSourceConfig.EMS_TOPIC);
    }

    @Test
    void anAccountWithoutThePrivilegeIsReportedOnTheUsername() {
        cluster.setPrivilegeDenied(true);

        Map<String, List<String>> errors = errors(props(simulator.baseUrl(cluster), PASSWORD));

        assertThat(errors).containsOnlyKeys(OntapSourceConfig.USERNAME);
        assertThat(errors.get(OntapSourceConfig.USERNAME)).singleElement().asString().contains("403");
    }

    @Test
    void anUntrustedCertificateIsReportedOnTheTruststore() throws IOException {
        HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).build();
        HeldCertificate certificate = new HeldCertificate.Builder().addSubjectAlternativeName("localhost")
                .signedBy(ca).build();
        try (MockWebServer tls = new MockWebServer()) {
            tls.useHttps(new HandshakeCertificates.Builder().heldCertificate(certificate).build().sslSocketFactory());
            tls.start(InetAddress.getByName("localhost"), 0);
            String url = "https://localhost:" + tls.getPort();

            Map<String, List<String>> errors = errors(props(url, PASSWORD));

            assertThat(errors).containsOnlyKeys(OntapSourceConfig.TRUSTSTORE_LOCATION);
            assertThat(errors.get(OntapSourceConfig.TRUSTSTORE_LOCATION)).singleElement().asString()
                    .contains(url).contains("TLS");
        }
    }

    @Test
    void anUnreachableClusterIsReportedOnTheClusterList() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        Map<String, List<String>> errors = errors(props("http://127.0.0.1:" + closed, PASSWORD));

        assertThat(errors.get(OntapSourceConfig.CLUSTERS)).singleElement().asString().contains("127.0.0.1:" + closed);
    }

    @Test
    void theConnectionCheckCanBeSwitchedOff() {
        Map<String, String> props = props(simulator.baseUrl(cluster), "wrong-password");
        props.put(OntapSourceConfig.VALIDATE_CONNECTION, "false");

        assertThat(errors(props)).isEmpty();
        assertThat(cluster.stats().totalRequests()).isZero();
    }
}
