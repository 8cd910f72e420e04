package io.github.ontapkafka.iscsi.ontap;

import java.time.Clock;
import io.github.ontapkafka.iscsi.config.ClusterSettings;
import io.github.ontapkafka.iscsi.config.OntapSourceConfig;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TLS against a cluster with a private-CA certificate: verified by default, trusted through the truststore. */
class OntapTlsTest {

    private static final HeldCertificate CA = new HeldCertificate.Builder().certificateAuthority(0)
            .commonName("Storage Team Private CA").build();

    @TempDir
    Path dir;
    private MockWebServer server;

    private void serve(String certificateHost) throws IOException {
        HeldCertificate certificate = new HeldCertificate.Builder().addSubjectAlternativeName(certificateHost)
                .signedBy(CA).build();
        server = new MockWebServer();
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(certificate).build().sslSocketFactory());
        server.start(InetAddress.getByName("localhost"), 0);
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(PageJson.page(List.of(), null)).build());
    }

    @BeforeEach
    void noServerYet() {
        server = null;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Map<String, String> config(Map<String, String> tls) {
        Map<String, String> props = new HashMap<>(tls);
        props.put(OntapSourceConfig.CLUSTERS, url());
        props.put(OntapSourceConfig.USERNAME, "monitor");
        props.put(OntapSourceConfig.PASSWORD, "pw");
        props.put(OntapSourceConfig.REQUEST_RETRIES, "0");
        return props;
    }

    private String url() {
        return "https://localhost:" + server.getPort();
    }

    private OntapClient client(Map<String, String> tls) {
        OntapSourceConfig config = new OntapSourceConfig(config(tls));
        ClusterSettings cluster = config.clusters().get(0);
        return config.ontapClients(Duration.ZERO, new RequestPolicy(500, 0, Duration.ZERO), Clock.systemUTC())
                .create(cluster.url(), cluster.access(), cluster.scope());
    }

    private Path pemTruststore() throws IOException {
        Path pem = dir.resolve("ca.pem");
        Files.writeString(pem, CA.certificatePem());
        return pem;
    }

    @Test
    void anUntrustedCertificateIsRefusedByDefaultWithAHint() throws IOException {
        serve("localhost");

        assertThatThrownBy(() -> client(Map.of()).fetchSessions().toMap())
                .isInstanceOfSatisfying(OntapException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.TLS))
                .hasMessageContaining("localhost:" + server.getPort())
                .hasMessageContaining(OntapSourceConfig.TRUSTSTORE_LOCATION);
    }

    @Test
    void aPemTruststoreTrustsThePrivateCa() throws Exception {
        serve("localhost");

        assertThat(client(Map.of(OntapSourceConfig.TRUSTSTORE_LOCATION, pemTruststore().toString(),
                OntapSourceConfig.TRUSTSTORE_TYPE, "PEM")).fetchSessions().toMap()).isEmpty();
    }

    @Test
    void aPkcs12TruststoreTrustsThePrivateCa() throws Exception {
        serve("localhost");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", CA.certificate());
        Path p12 = dir.resolve("ca.p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            store.store(out, "changeit".toCharArray());
        }

        assertThat(client(Map.of(OntapSourceConfig.TRUSTSTORE_LOCATION, p12.toString(),
                OntapSourceConfig.TRUSTSTORE_PASSWORD, "changeit")).fetchSessions().toMap()).isEmpty();
    }

    @Test
    void aCertificateForAnotherHostIsRefusedUnlessHostnameVerificationIsOff() throws Exception {
        serve("cluster9.example.com");
        Map<String, String> trusted = Map.of(OntapSourceConfig.TRUSTSTORE_LOCATION, pemTruststore().toString(),
                OntapSourceConfig.TRUSTSTORE_TYPE, "PEM");

        assertThatThrownBy(() -> client(trusted).fetchSessions().toMap())
                .isInstanceOfSatisfying(OntapException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.TLS));

        Map<String, String> lenient = new HashMap<>(trusted);
        lenient.put(OntapSourceConfig.HOSTNAME_VERIFICATION, "false");
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(PageJson.page(List.of(), null)).build());
        assertThat(client(lenient).fetchSessions().toMap()).isEmpty();
    }

    @Test
    void anUnreadableTruststoreIsAConfigurationErrorNamingTheFile() throws Exception {
        serve("localhost");
        Path garbage = dir.resolve("garbage.p12");
        Files.writeString(garbage, "not a keystore");

        assertThatThrownBy(() -> client(Map.of(OntapSourceConfig.TRUSTSTORE_LOCATION, garbage.toString())))
                .hasMessageContaining(garbage.toString())
                .hasMessageContaining("cannot be read as PKCS12");
    }
}
