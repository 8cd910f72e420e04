package io.github.ontapkafka.iscsi.config;

import io.github.ontapkafka.iscsi.ontap.ClientIdentity;
import io.github.ontapkafka.iscsi.ontap.Login;
import io.github.ontapkafka.iscsi.ontap.OAuth2Settings;
import io.github.ontapkafka.iscsi.ontap.Secret;
import io.github.ontapkafka.iscsi.ontap.TrustSettings;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Authentication methods and per-cluster settings: what each cluster is read with, and problems on the right key. */
class ClusterSettingsTest {

    private static Map<String, String> props(String... keysAndValues) {
        Map<String, String> props = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            props.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return props;
    }

    private static List<ConfigProblem> problems(Map<String, String> props) {
        List<ConfigProblem> problems = new ArrayList<>();
        OntapSourceConfig.collectingProblems(props, problems);
        return problems;
    }

    @Test
    void todaysConfigurationIsBasicForEveryCluster() {
        OntapSourceConfig config = new OntapSourceConfig(props(OntapSourceConfig.CLUSTERS,
                "https://a.example.com,https://b.example.com", OntapSourceConfig.USERNAME, "monitor",
                OntapSourceConfig.PASSWORD, "pw"));

        assertThat(config.clusters()).hasSize(2).allSatisfy(cluster -> {
            assertThat(cluster.name()).isNull();
            assertThat(cluster.access().login()).isEqualTo(new Login.Password("monitor", Secret.of("pw")));
        });
    }

    @Test
    void aNamedClusterTakesItsOwnSettingsAndTheConnectorWideOnesForTheRest() {
        OntapSourceConfig config = new OntapSourceConfig(props(
                OntapSourceConfig.CLUSTERS, "https://a.example.com,prod",
                OntapSourceConfig.USERNAME, "monitor", OntapSourceConfig.PASSWORD, "pw",
                OntapSourceConfig.TRUSTSTORE_LOCATION, "/etc/ca.p12",
                "ontap.cluster.prod.url", "https://prod.example.com:8443",
                "ontap.cluster.prod.auth.method", "CERTIFICATE",
                "ontap.cluster.prod.ssl.keystore.location", "/etc/monitor.pem",
                "ontap.cluster.prod.ssl.keystore.type", "pem",
                "ontap.cluster.prod.ssl.key.password", "kp"));

        ClusterSettings prod = config.clusters().get(1);
        assertThat(prod.url()).hasToString("https://prod.example.com:8443");
        assertThat(prod.name()).isEqualTo("prod");
        assertThat(prod.access().login()).isEqualTo(new Login.Certificate(new ClientIdentity(
                Path.of("/etc/monitor.pem"), "PEM", null, Secret.of("kp"), null)));
        assertThat(prod.access().trust()).isEqualTo(new TrustSettings(Path.of("/etc/ca.p12"), "PKCS12", null));
        assertThat(prod.keyFor(OntapSourceConfig.KEYSTORE_LOCATION)).isEqualTo("ontap.cluster.prod.ssl.keystore.location");
        assertThat(prod.keyFor(OntapSourceConfig.TRUSTSTORE_LOCATION)).isEqualTo(OntapSourceConfig.TRUSTSTORE_LOCATION);
        assertThat(prod.keyFor(OntapSourceConfig.CLUSTERS)).isEqualTo("ontap.cluster.prod.url");
        assertThat(config.clusters().get(0).access().login()).isInstanceOf(Login.Password.class);
    }

    @Test
    void oauth2TakesTheClientAndItsOptionalScopeAudienceAndTruststore() {
        OntapSourceConfig config = new OntapSourceConfig(props(
                OntapSourceConfig.CLUSTERS, "https://a.example.com",
                OntapSourceConfig.AUTH_METHOD, "oauth2",
                OntapSourceConfig.OAUTH2_TOKEN_ENDPOINT_URL, "https://idp.example.com/oauth2/token",
                OntapSourceConfig.OAUTH2_CLIENT_ID, "ontap-monitor",
                OntapSourceConfig.OAUTH2_CLIENT_SECRET, "cs",
                OntapSourceConfig.OAUTH2_SCOPE, "ontap.read",
                OntapSourceConfig.OAUTH2_TRUSTSTORE_LOCATION, "/etc/idp-ca.pem",
                OntapSourceConfig.OAUTH2_TRUSTSTORE_TYPE, "PEM"));

        assertThat(config.clusters().get(0).access().login()).isEqualTo(new Login.OAuth2(new OAuth2Settings(
                "https://idp.example.com/oauth2/token", "ontap-monitor", Secret.of("cs"), "ontap.read", null,
                new TrustSettings(Path.of("/etc/idp-ca.pem"), "PEM", null))));
    }

    @Test
    void eachMethodNamesWhatItMissesOnTheKeyToSet() {
        assertThat(problems(props(OntapSourceConfig.CLUSTERS, "https://a.example.com")))
                .extracting(ConfigProblem::key).containsExactly(OntapSourceConfig.USERNAME, OntapSourceConfig.PASSWORD);
        assertThat(problems(props(OntapSourceConfig.CLUSTERS, "https://a.example.com",
                OntapSourceConfig.AUTH_METHOD, "certificate")))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.key()).isEqualTo(OntapSourceConfig.KEYSTORE_LOCATION);
                    assertThat(problem.message()).contains("https://a.example.com")
                            .contains("ontap.auth.method=certificate");
                });
        assertThat(problems(props(OntapSourceConfig.CLUSTERS, "https://a.example.com",
                OntapSourceConfig.AUTH_METHOD, "oauth2"))).extracting(ConfigProblem::key)
                .containsExactly(OntapSourceConfig.OAUTH2_TOKEN_ENDPOINT_URL, OntapSourceConfig.OAUTH2_CLIENT_ID,
                        OntapSourceConfig.OAUTH2_CLIENT_SECRET);
    }

    @Test
    void aNamedClusterMissingAValueIsToldBothKeys() {
        List<ConfigProblem> problems = problems(props(OntapSourceConfig.CLUSTERS, "lab",
                "ontap.cluster.lab.url", "https://lab.example.com", OntapSourceConfig.USERNAME, "monitor"));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.key()).isEqualTo(OntapSourceConfig.PASSWORD);
            assertThat(problem.message()).contains("lab (https://lab.example.com)")
                    .contains("ontap.cluster.lab.password for this cluster only");
        });
    }

    @Test
    void problemsOfNamedClustersAreReportedOnTheirOwnKeys() {
        List<ConfigProblem> problems = problems(props(OntapSourceConfig.CLUSTERS, "a,b,c",
                OntapSourceConfig.USERNAME, "monitor", OntapSourceConfig.PASSWORD, "pw",
                "ontap.cluster.a.url", "ftp://a.example.com",
                "ontap.cluster.b.url", "https://b.example.com",
                "ontap.cluster.b.auth.method", "kerberos",
                "ontap.cluster.b.ssl.trustore.location", "/typo",
                "ontap.cluster.d.url", "https://d.example.com"));

        assertThat(problems).extracting(ConfigProblem::key).containsExactlyInAnyOrder(
                "ontap.cluster.a.url", "ontap.cluster.b.auth.method", "ontap.cluster.b.ssl.trustore.location",
                "ontap.cluster.d.url", OntapSourceConfig.CLUSTERS);
        assertThat(problems).filteredOn(p -> p.key().equals(OntapSourceConfig.CLUSTERS)).singleElement()
                .extracting(ConfigProblem::message).asString().contains("ontap.cluster.c.url");
        assertThat(problems).filteredOn(p -> p.key().endsWith("trustore.location")).singleElement()
                .extracting(ConfigProblem::message).asString().contains("ssl.truststore.location");
        assertThat(problems).filteredOn(p -> p.key().equals("ontap.cluster.d.url")).singleElement()
                .extracting(ConfigProblem::message).asString().contains("no cluster named 'd'");
    }

    @Test
    void theSameClusterUnderTwoEntriesIsRefused() {
        assertThat(problems(props(OntapSourceConfig.CLUSTERS, "https://a.example.com,a",
                OntapSourceConfig.USERNAME, "monitor", OntapSourceConfig.PASSWORD, "pw",
                "ontap.cluster.a.url", "https://a.example.com/")))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.key()).isEqualTo("ontap.cluster.a.url");
                    assertThat(problem.message()).contains("listed twice");
                });
    }

    @Test
    void theConstructorThrowsTheFirstProblemNamingItsKeyAndNoSecret() {
        assertThatThrownBy(() -> new OntapSourceConfig(props(OntapSourceConfig.CLUSTERS, "lab",
                "ontap.cluster.lab.url", "https://lab.example.com", "ontap.cluster.lab.password", "Secr3t",
                "ontap.cluster.lab.auth.method", "basic")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(OntapSourceConfig.USERNAME + ":")
                .hasMessageNotContaining("Secr3t");
    }

    @Test
    void aSeparateKeyFileIsForPemOnly() {
        assertThat(problems(props(OntapSourceConfig.CLUSTERS, "https://a.example.com",
                OntapSourceConfig.AUTH_METHOD, "certificate",
                OntapSourceConfig.KEYSTORE_LOCATION, "/etc/monitor.p12",
                OntapSourceConfig.KEYSTORE_KEY_LOCATION, "/etc/monitor.key")))
                .singleElement().extracting(ConfigProblem::key).isEqualTo(OntapSourceConfig.KEYSTORE_KEY_LOCATION);
    }

    @Test
    void aClusterEntryIsAUrlOrAName() {
        assertThatThrownBy(() -> new OntapSourceConfig(props(OntapSourceConfig.CLUSTERS, "not a name",
                OntapSourceConfig.USERNAME, "m", OntapSourceConfig.PASSWORD, "p")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("neither an http(s) URL nor a cluster name");
    }

    @Test
    void theTokenEndpointMustBeAnHttpUrl() {
        assertThatThrownBy(() -> new OntapSourceConfig(props(OntapSourceConfig.CLUSTERS, "https://a.example.com",
                OntapSourceConfig.AUTH_METHOD, "oauth2", OntapSourceConfig.OAUTH2_TOKEN_ENDPOINT_URL, "idp:token",
                OntapSourceConfig.OAUTH2_CLIENT_ID, "c", OntapSourceConfig.OAUTH2_CLIENT_SECRET, "s")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(OntapSourceConfig.OAUTH2_TOKEN_ENDPOINT_URL);
    }
}
