package io.github.ontapkafka.iscsi.simulator;

import io.github.ontapkafka.iscsi.model.IscsiSession;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class SimulatorLaunchTest {

    @Test
    void parsesEveryOption() {
        SimulatorOptions options = SimulatorOptions.parse("--port", "9443", "--clusters=3", "--sessions", "20",
                "--churn-per-minute", "30", "--username", "ro", "--password", "pw", "--page-cap", "500",
                "--seed", "7", "--bind", "0.0.0.0", "--version", "NetApp Release 9.12.1");

        assertThat(options).isEqualTo(new SimulatorOptions(9443, "0.0.0.0", 3, 20, 30, "ro", "pw", 500, 7,
                "NetApp Release 9.12.1", null, ""));
    }

    @Test
    void hasDefaults() {
        SimulatorOptions options = SimulatorOptions.parse();

        assertThat(options.port()).isEqualTo(8443);
        assertThat(options.clusters()).isEqualTo(1);
        assertThat(options.sessions()).isEqualTo(50);
        assertThat(options.pageCap()).isZero();
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
