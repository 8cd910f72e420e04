package io.github.ontapkafka.iscsi.demo;

import io.github.ontapkafka.iscsi.config.OntapSourceConfig;
import io.github.ontapkafka.iscsi.connector.OntapIscsiSourceConnector;
import io.github.ontapkafka.iscsi.ontap.Login;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.entry;

/** The connector configuration the demo builds for each way of logging in; nothing is started. */
class ConnectorDeploymentTest {

    private static final List<String> URLS = List.of("https://cluster1.example.com", "https://10.0.0.5:8443");
    private static final List<String> CERTIFICATE_KEYS = List.of(OntapSourceConfig.KEYSTORE_LOCATION,
            OntapSourceConfig.KEYSTORE_TYPE, OntapSourceConfig.KEYSTORE_PASSWORD, OntapSourceConfig.KEY_PASSWORD,
            OntapSourceConfig.KEYSTORE_KEY_LOCATION);
    private static final List<String> OAUTH2_KEYS = List.of(OntapSourceConfig.OAUTH2_TOKEN_ENDPOINT_URL,
            OntapSourceConfig.OAUTH2_CLIENT_ID, OntapSourceConfig.OAUTH2_CLIENT_SECRET, OntapSourceConfig.OAUTH2_SCOPE,
            OntapSourceConfig.OAUTH2_AUDIENCE, OntapSourceConfig.OAUTH2_TRUSTSTORE_LOCATION);
    private static final List<String> BASIC_KEYS = List.of(OntapSourceConfig.USERNAME, OntapSourceConfig.PASSWORD);

    @Test
    void basicPassesTheAccountAndItsPassword() {
        DemoOptions options = DemoOptions.parse("--ontap", String.join(",", URLS), "--username", "kafka-monitor",
                "--truststore", "ca.jks", "--no-verify-hostname", "--poll-seconds", "5", "--snapshot", "never");

        Map<String, String> config = ConnectorDeployment.config(options, URLS,
                OntapLogin.basic("kafka-monitor", "pw", "trust-pw"));

        assertThat(config).contains(entry("connector.class", OntapIscsiSourceConnector.class.getName()),
                entry(OntapSourceConfig.CLUSTERS, "https://cluster1.example.com,https://10.0.0.5:8443"),
                entry(OntapSourceConfig.AUTH_METHOD, "basic"),
                entry(OntapSourceConfig.USERNAME, "kafka-monitor"), entry(OntapSourceConfig.PASSWORD, "pw"),
                entry(OntapSourceConfig.TRUSTSTORE_LOCATION, Path.of("ca.jks").toAbsolutePath().toString()),
                entry(OntapSourceConfig.TRUSTSTORE_TYPE, "JKS"),
                entry(OntapSourceConfig.TRUSTSTORE_PASSWORD, "trust-pw"),
                entry(OntapSourceConfig.HOSTNAME_VERIFICATION, "false"),
                entry(OntapSourceConfig.POLL_INTERVAL_MS, "5000"), entry(OntapSourceConfig.SNAPSHOT_MODE, "never"));
        assertThat(config).doesNotContainKeys(CERTIFICATE_KEYS.toArray(String[]::new))
                .doesNotContainKeys(OAUTH2_KEYS.toArray(String[]::new))
                .doesNotContainKey(OntapSourceConfig.SESSIONS_FILTER);
        assertAccepted(config, Login.Password.class);
    }

    @Test
    void certificatePassesTheKeystoreItsTypeKeyFileAndPasswords() {
        DemoOptions options = DemoOptions.parse("--ontap", URLS.get(0), "--auth", "certificate",
                "--keystore", "certs/kafka-monitor.crt", "--key", "certs/kafka-monitor.key",
                "--truststore", "certs/ontap-ca.pem");

        Map<String, String> config = ConnectorDeployment.config(options, URLS.subList(0, 1),
                new OntapLogin(null, null, null, null, "key-pw", null));

        assertThat(config).contains(entry(OntapSourceConfig.AUTH_METHOD, "certificate"),
                entry(OntapSourceConfig.KEYSTORE_LOCATION,
                        Path.of("certs/kafka-monitor.crt").toAbsolutePath().toString()),
                entry(OntapSourceConfig.KEYSTORE_TYPE, "PEM"),
                entry(OntapSourceConfig.KEYSTORE_KEY_LOCATION,
                        Path.of("certs/kafka-monitor.key").toAbsolutePath().toString()),
                entry(OntapSourceConfig.KEY_PASSWORD, "key-pw"),
                entry(OntapSourceConfig.TRUSTSTORE_TYPE, "PEM"));
        assertThat(config).as("no password where none is set")
                .doesNotContainKeys(OntapSourceConfig.KEYSTORE_PASSWORD, OntapSourceConfig.TRUSTSTORE_PASSWORD)
                .doesNotContainKeys(BASIC_KEYS.toArray(String[]::new))
                .doesNotContainKeys(OAUTH2_KEYS.toArray(String[]::new));
        assertAccepted(config, Login.Certificate.class);
    }

    @Test
    void aPkcs12CertificatePassesTheKeystorePassword() {
        DemoOptions options = DemoOptions.parse("--ontap", URLS.get(0), "--auth", "certificate",
                "--keystore", "kafka-monitor.p12");

        Map<String, String> config = ConnectorDeployment.config(options, URLS.subList(0, 1),
                new OntapLogin(null, null, null, "store-pw", null, null));

        assertThat(config).contains(entry(OntapSourceConfig.KEYSTORE_TYPE, "PKCS12"),
                entry(OntapSourceConfig.KEYSTORE_PASSWORD, "store-pw"))
                .doesNotContainKeys(OntapSourceConfig.KEYSTORE_KEY_LOCATION, OntapSourceConfig.KEY_PASSWORD);
        assertAccepted(config, Login.Certificate.class);
    }

    @Test
    void oauth2PassesTheClientItsSecretAndTheTokenEndpointTrustsTheJvmDefault() {
        DemoOptions options = DemoOptions.parse("--ontap", URLS.get(0), "--auth", "oauth2",
                "--token-url", "https://idp.example.com/oauth2/token", "--client-id", "kafka-connect",
                "--scope", "ontap", "--audience", "https://cluster1.example.com", "--truststore", "ontap-ca.pem");

        Map<String, String> config = ConnectorDeployment.config(options, URLS.subList(0, 1),
                new OntapLogin(null, null, null, null, null, "client-s3cret"));

        assertThat(config).contains(entry(OntapSourceConfig.AUTH_METHOD, "oauth2"),
                entry(OntapSourceConfig.OAUTH2_TOKEN_ENDPOINT_URL, "https://idp.example.com/oauth2/token"),
                entry(OntapSourceConfig.OAUTH2_CLIENT_ID, "kafka-connect"),
                entry(OntapSourceConfig.OAUTH2_CLIENT_SECRET, "client-s3cret"),
                entry(OntapSourceConfig.OAUTH2_SCOPE, "ontap"),
                entry(OntapSourceConfig.OAUTH2_AUDIENCE, "https://cluster1.example.com"),
                entry(OntapSourceConfig.TRUSTSTORE_LOCATION, Path.of("ontap-ca.pem").toAbsolutePath().toString()));
        assertThat(config).as("--truststore is for the clusters only")
                .doesNotContainKeys(OntapSourceConfig.OAUTH2_TRUSTSTORE_LOCATION,
                        OntapSourceConfig.OAUTH2_TRUSTSTORE_TYPE, OntapSourceConfig.OAUTH2_TRUSTSTORE_PASSWORD)
                .doesNotContainKeys(BASIC_KEYS.toArray(String[]::new))
                .doesNotContainKeys(CERTIFICATE_KEYS.toArray(String[]::new));
        Login.OAuth2 login = (Login.OAuth2) assertAccepted(config, Login.OAuth2.class).clusters().get(0).access()
                .login();
        assertThat(login.client().trust()).as("the JVM's default trust").isNull();
    }

    @Test
    void oauth2WithoutScopeOrAudienceLeavesThemOut() {
        DemoOptions options = DemoOptions.parse("--ontap", URLS.get(0), "--auth", "oauth2",
                "--token-url", "https://idp.example.com/oauth2/token", "--client-id", "kafka-connect");

        Map<String, String> config = ConnectorDeployment.config(options, URLS.subList(0, 1),
                new OntapLogin(null, null, null, null, null, "client-s3cret"));

        assertThat(config).doesNotContainKeys(OntapSourceConfig.OAUTH2_SCOPE, OntapSourceConfig.OAUTH2_AUDIENCE);
        assertAccepted(config, Login.OAuth2.class);
    }

    @Test
    void theFilterScopesTheSimulatorAsItDoesARealCluster() {
        DemoOptions simulated = DemoOptions.parse("--filter", "svm.name=svm_prod_*");
        DemoOptions real = DemoOptions.parse("--ontap", URLS.get(0), "--username", "u",
                "--filter", "svm.name=prod_*&initiator.name=iqn.1998-01.com.vmware:*");

        Map<String, String> simulatedConfig = ConnectorDeployment.config(simulated, List.of("http://127.0.0.1:1/c1"),
                OntapLogin.basic("kafka-monitor", "made-up", null));
        Map<String, String> realConfig = ConnectorDeployment.config(real, URLS.subList(0, 1),
                OntapLogin.basic("u", "pw", null));

        assertThat(simulatedConfig).contains(entry(OntapSourceConfig.SESSIONS_FILTER, "svm.name=svm_prod_*"),
                entry(OntapSourceConfig.AUTH_METHOD, "basic"), entry(OntapSourceConfig.USERNAME, "kafka-monitor"));
        assertThat(realConfig).containsEntry(OntapSourceConfig.SESSIONS_FILTER,
                "svm.name=prod_*&initiator.name=iqn.1998-01.com.vmware:*");
        assertThat(assertAccepted(simulatedConfig, Login.Password.class).clusters().get(0).scope().canonical())
                .isEqualTo("svm.name=svm_prod_*");
        assertThat(assertAccepted(realConfig, Login.Password.class).clusters().get(0).scope().canonical())
                .isEqualTo("initiator.name=iqn.1998-01.com.vmware:*&svm.name=prod_*");
    }

    @Test
    void theEventLogIsReadFromTheSimulatorAlwaysAndFromARealClusterOnlyWithEms() {
        Map<String, String> simulated = ConnectorDeployment.config(DemoOptions.parse(),
                List.of("http://127.0.0.1:1/c1"), OntapLogin.basic("kafka-monitor", "made-up", null));
        Map<String, String> realWithEms = ConnectorDeployment.config(DemoOptions.parse("--ontap", URLS.get(0),
                "--username", "u", "--ems"), URLS.subList(0, 1), OntapLogin.basic("u", "pw", null));
        Map<String, String> realWithoutEms = ConnectorDeployment.config(DemoOptions.parse("--ontap", URLS.get(0),
                "--username", "u"), URLS.subList(0, 1), OntapLogin.basic("u", "pw", null));

        for (Map<String, String> config : List.of(simulated, realWithEms)) {
            assertThat(config).contains(entry(OntapSourceConfig.EMS_ENABLED, "true"),
                    entry(OntapSourceConfig.EMS_TOPIC, "ontap.iscsi.ems"));
            assertThat(assertAccepted(config, Login.Password.class).emsTopic()).isEqualTo("ontap.iscsi.ems");
        }
        assertThat(realWithoutEms).doesNotContainKeys(OntapSourceConfig.EMS_ENABLED, OntapSourceConfig.EMS_TOPIC);
        assertThat(assertAccepted(realWithoutEms, Login.Password.class).emsTopic()).isNull();
    }

    /**
     * The connector reads the configuration without a problem, and logs in to each cluster as the demo meant.
     * (Reading it opens no file: the keystores need not exist.)
     */
    private static OntapSourceConfig assertAccepted(Map<String, String> config, Class<? extends Login> login) {
        assertThatCode(() -> new OntapSourceConfig(config)).doesNotThrowAnyException();
        OntapSourceConfig read = new OntapSourceConfig(config);
        assertThat(read.clusters()).hasSize(config.get(OntapSourceConfig.CLUSTERS).split(",").length)
                .allSatisfy(cluster -> assertThat(cluster.access().login()).isInstanceOf(login));
        return read;
    }
}
