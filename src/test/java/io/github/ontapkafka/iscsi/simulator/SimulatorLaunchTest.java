package io.github.ontapkafka.iscsi.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class SimulatorLaunchTest {

    private static final String SESSIONS = "/api/protocols/san/iscsi/sessions";

    @Test
    void parsesEveryOption() {
        SimulatorOptions options = SimulatorOptions.parse("--port", "9443", "--clusters=3", "--sessions", "20",
                "--churn-per-minute", "30", "--username", "ro", "--password", "pw", "--page-cap", "500",
                "--seed", "7", "--bind", "0.0.0.0", "--version", "NetApp Release 9.12.1", "--keystore", "s.p12",
                "--keystore-password", "kp", "--client-ca", "ca.pem", "--cert-user", "harvest, grafana",
                "--oauth2-client-id", "connector", "--oauth2-client-secret", "cs", "--token-lifetime=60");

        assertThat(options).isEqualTo(new SimulatorOptions(9443, "0.0.0.0", 3, 20, 30, "ro", "pw", 500, 7,
                "NetApp Release 9.12.1", Path.of("s.p12"), "kp", Path.of("ca.pem"), List.of("harvest", "grafana"),
                "connector", "cs", 60));
    }

    @Test
    void hasDefaults() {
        SimulatorOptions options = SimulatorOptions.parse();

        assertThat(options.port()).isEqualTo(8443);
        assertThat(options.clusters()).isEqualTo(1);
        assertThat(options.sessions()).isEqualTo(50);
        assertThat(options.pageCap()).isZero();
        assertThat(options.clientCa()).isNull();
        assertThat(options.certUsers()).isEmpty();
        assertThat(options.oauth2ClientId()).isNull();
        assertThat(options.tokenLifetimeSeconds()).isEqualTo(3600);
    }

    @Test
    void refusesWhatItDoesNotUnderstand() {
        assertThatThrownBy(() -> SimulatorOptions.parse("--colour", "red")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimulatorOptions.parse("--port")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimulatorOptions.parse("--clusters", "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimulatorOptions.parse("--sessions", "many"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAuthenticationOptionsWithoutWhatTheyNeed() {
        assertThatThrownBy(() -> SimulatorOptions.parse("--client-ca", "ca.pem"))
                .hasMessage("--client-ca needs --keystore");
        assertThatThrownBy(() -> SimulatorOptions.parse("--keystore", "s.p12", "--cert-user", "harvest"))
                .hasMessage("--cert-user needs --client-ca");
        assertThatThrownBy(() -> SimulatorOptions.parse("--oauth2-client-id", "connector"))
                .hasMessage("--oauth2-client-id needs --oauth2-client-secret");
        assertThatThrownBy(() -> SimulatorOptions.parse("--oauth2-client-secret", "cs"))
                .hasMessage("--oauth2-client-secret needs --oauth2-client-id");
        assertThatThrownBy(() -> SimulatorOptions.parse("--oauth2-client-id", "c", "--oauth2-client-secret", "s",
                "--token-lifetime", "0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void servesMutualTlsAndTokensFromTheCommandLine(@TempDir Path directory) throws Exception {
        HeldCertificate ca = new HeldCertificate.Builder().commonName("ca").certificateAuthority(0).build();
        HeldCertificate serverCertificate = new HeldCertificate.Builder().commonName("127.0.0.1")
                .addSubjectAlternativeName("127.0.0.1").signedBy(ca).build();
        HeldCertificate harvest = new HeldCertificate.Builder().commonName("harvest").signedBy(ca).build();
        Path keystore = directory.resolve("server.p12");
        KeyStore serverKeys = KeyStore.getInstance("PKCS12");
        serverKeys.load(null, null);
        serverKeys.setKeyEntry("server", serverCertificate.keyPair().getPrivate(), "changeit".toCharArray(),
                new Certificate[] {serverCertificate.certificate(), ca.certificate()});
        try (OutputStream out = Files.newOutputStream(keystore)) {
            serverKeys.store(out, "changeit".toCharArray());
        }
        Path clientCa = Files.writeString(directory.resolve("client-ca.pem"), ca.certificatePem());
        SimulatorOptions options = SimulatorOptions.parse("--port", "0", "--sessions", "2", "--keystore",
                keystore.toString(), "--keystore-password", "changeit", "--client-ca", clientCa.toString(),
                "--cert-user", "grafana,harvest", "--oauth2-client-id", "connector", "--oauth2-client-secret", "cs",
                "--token-lifetime", "120");

        try (RunningSimulator simulator = RunningSimulator.launch(options)) {
            HandshakeCertificates certificates = new HandshakeCertificates.Builder()
                    .addTrustedCertificate(ca.certificate()).heldCertificate(harvest, ca.certificate()).build();
            OkHttpClient http = SimulatorClient.HTTP.newBuilder()
                    .sslSocketFactory(certificates.sslSocketFactory(), certificates.trustManager()).build();
            String baseUrl = simulator.server().baseUrl(simulator.clusters().get(0));
            Request tokenRequest = new Request.Builder().url(simulator.server().tokenUrl()).post(new FormBody.Builder()
                    .add("grant_type", "client_credentials").add("client_id", "connector").add("client_secret", "cs")
                    .build()).build();
            JsonNode token;
            try (Response response = http.newCall(tokenRequest).execute()) {
                token = SimulatorClient.JSON.readTree(response.body().string());
            }

            assertThat(new SimulatorClient(baseUrl, http).withAuthorization(null).json(SESSIONS)
                    .path("num_records").asInt()).isEqualTo(2);
            assertThat(token.path("expires_in").asInt()).isEqualTo(120);
            assertThat(new SimulatorClient(baseUrl, http).withAuthorization("Bearer " + token.path("access_token")
                    .asText()).json(SESSIONS).path("num_records").asInt()).isEqualTo(2);
        }
    }

    @Test
    void launchesSeededClustersThatChurn() throws Exception {
        SimulatorOptions options = SimulatorOptions.parse("--port", "0", "--clusters", "2", "--sessions", "30",
                "--churn-per-minute", "6000", "--page-cap", "7", "--username", SimulatorClient.USER,
                "--password", SimulatorClient.PASSWORD);
        try (RunningSimulator simulator = RunningSimulator.launch(options)) {
            SimulatedCluster second = simulator.clusters().get(1);
            List<IscsiSession> initial = second.sessions();
            SimulatorClient client = new SimulatorClient(simulator.server().baseUrl(second));

            assertThat(simulator.server().baseUrl(second)).endsWith("/clusters/c2");
            assertThat(client.json("/api/cluster").path("name").asText()).isEqualTo("cluster-02");
            assertThat(client.walk("/api/protocols/san/iscsi/sessions")).hasSizeGreaterThan(1);
            await().atMost(Duration.ofSeconds(3)).until(() -> !second.sessions().equals(initial));
            await().atMost(Duration.ofSeconds(3)).until(() -> client.json("/api/support/ems/events")
                    .path("num_records").asInt() > 0);
            simulator.close();
            assertThat(simulator.server().isRunning()).isFalse();
        }
    }

    @Test
    void theSameSeedLaunchesTheSameClusters() throws Exception {
        SimulatorOptions options = SimulatorOptions.parse("--port", "0", "--sessions", "10", "--seed", "3");
        List<IscsiSession> first;
        try (RunningSimulator simulator = RunningSimulator.launch(options)) {
            first = simulator.clusters().get(0).sessions();
        }
        try (RunningSimulator simulator = RunningSimulator.launch(options)) {
            assertThat(simulator.clusters().get(0).sessions()).isEqualTo(first);
        }
    }

    @Test
    void servesHttpsWithAKeystore(@TempDir Path directory) throws Exception {
        Path keystore = directory.resolve("simulator.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                "-alias", "simulator", "-keyalg", "EC", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
                "-validity", "2").inheritIO().start();
        assertThat(keytool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();
        SimulatorOptions options = SimulatorOptions.parse("--port", "0", "--sessions", "3", "--keystore",
                keystore.toString(), "--keystore-password", "changeit", "--username", SimulatorClient.USER,
                "--password", SimulatorClient.PASSWORD);

        try (RunningSimulator simulator = RunningSimulator.launch(options)) {
            String baseUrl = simulator.server().baseUrl(simulator.clusters().get(0));
            SimulatorClient client = new SimulatorClient(baseUrl, trusting(keystore));

            assertThat(baseUrl).startsWith("https://127.0.0.1:");
            assertThat(client.json("/api/protocols/san/iscsi/sessions").path("num_records").asInt()).isEqualTo(3);
        }
    }

    private static OkHttpClient trusting(Path keystore) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trusted.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return SimulatorClient.HTTP.newBuilder()
                .sslSocketFactory(tls.getSocketFactory(), (X509TrustManager) trust.getTrustManagers()[0])
                .build();
    }
}
