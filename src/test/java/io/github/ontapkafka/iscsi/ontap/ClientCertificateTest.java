package io.github.ontapkafka.iscsi.ontap;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Certificate authentication: the client certificate and key from each supported store format, no Authorization
 * header, and a refusal that says what ONTAP needs.
 */
class ClientCertificateTest {

    private static final HeldCertificate SERVER_CA = new HeldCertificate.Builder().certificateAuthority(0)
            .commonName("Cluster CA").build();
    private static final HeldCertificate CLIENT_CA = new HeldCertificate.Builder().certificateAuthority(0)
            .commonName("Automation CA").build();
    private static final HeldCertificate CLIENT = new HeldCertificate.Builder().commonName("iscsi-monitor")
            .rsa2048().signedBy(CLIENT_CA).build();
    /** Made with OpenSSL ('openssl pkcs8 -topk8 -v2 aes-256-cbc'): a PBES2-encrypted key as people have them. */
    private static final Path OPENSSL_CERTIFICATE = resource("pem/monitor.crt");
    private static final Path OPENSSL_ENCRYPTED_KEY = resource("pem/monitor-encrypted.key");
    private static final String PASSWORD = "K3y-Pa55";

    @TempDir
    Path dir;
    private MockWebServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void serve(HeldCertificate trustedClientCa) throws IOException {
        serve(trustedClientCa.certificate(), new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(PageJson.page(List.of(), null)).build());
    }

    private void serve(X509Certificate trustedClientCa, MockResponse response) throws IOException {
        HeldCertificate serverCertificate = new HeldCertificate.Builder().addSubjectAlternativeName("localhost")
                .signedBy(SERVER_CA).build();
        server = new MockWebServer();
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(serverCertificate)
                .addTrustedCertificate(trustedClientCa).build().sslSocketFactory());
        server.requireClientAuth();
        server.start(InetAddress.getByName("localhost"), 0);
        server.enqueue(response);
    }

    private OntapClient client(ClientIdentity identity) throws IOException {
        Path ca = dir.resolve("cluster-ca.pem");
        Files.writeString(ca, SERVER_CA.certificatePem());
        OntapClients clients = new OntapClients(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ZERO,
                new RequestPolicy(500, 0, Duration.ZERO), Clock.systemUTC());
        return clients.create(ClusterUrl.parse("https://localhost:" + server.getPort()),
                new ClusterAccess(new Login.Certificate(identity), new TrustSettings(ca, "PEM", null), true), SessionScope.ALL);
    }

    private void assertAuthenticatedByCertificateAlone(ClientIdentity identity) throws Exception {
        assertAuthenticatedByCertificateAlone(identity, CLIENT_CA.certificate());
    }

    private void assertAuthenticatedByCertificateAlone(ClientIdentity identity, X509Certificate clientCa)
            throws Exception {
        serve(clientCa, new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(PageJson.page(List.of(), null)).build());

        assertThat(client(identity).fetchSessions().toMap()).isEmpty();

        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(request.getHandshake().peerPrincipal().getName()).contains("CN=iscsi-monitor");
    }

    @Test
    void aPkcs12KeyStore() throws Exception {
        assertAuthenticatedByCertificateAlone(new ClientIdentity(store("PKCS12"), "PKCS12", Secret.of(PASSWORD), null,
                null));
    }

    @Test
    void aJksKeyStore() throws Exception {
        assertAuthenticatedByCertificateAlone(new ClientIdentity(store("JKS"), "JKS", Secret.of(PASSWORD), null, null));
    }

    @Test
    void onePemFileWithTheChainAndAPlainPkcs8Key() throws Exception {
        Path pem = write("client.pem", CLIENT.certificatePem() + CLIENT_CA.certificatePem()
                + CLIENT.privateKeyPkcs8Pem());

        assertAuthenticatedByCertificateAlone(new ClientIdentity(pem, "PEM", null, null, null));
    }

    @Test
    void aPemChainWithAnEncryptedPkcs8KeyInItsOwnFile() throws Exception {
        assertAuthenticatedByCertificateAlone(new ClientIdentity(OPENSSL_CERTIFICATE, "PEM", null, Secret.of(PASSWORD),
                OPENSSL_ENCRYPTED_KEY), certificate(OPENSSL_CERTIFICATE));
    }

    @Test
    void anEncryptedKeyWithTheWrongPasswordNamesTheFileNotThePassword() throws Exception {
        Path chain = OPENSSL_CERTIFICATE;
        ClientIdentity identity = new ClientIdentity(chain, "PEM", null, Secret.of("wrong-one"), OPENSSL_ENCRYPTED_KEY);

        assertThatThrownBy(() -> KeyMaterial.identity(identity))
                .isInstanceOfSatisfying(UnusableKeyMaterialException.class,
                        e -> assertThat(e.store()).isEqualTo(UnusableKeyMaterialException.Store.KEYSTORE))
                .hasMessageContaining(chain.toString()).hasMessageContaining("wrong key password")
                .hasMessageNotContaining("wrong-one").hasMessageNotContaining(PASSWORD);
    }

    @Test
    void aLegacyRsaKeySaysHowToConvertIt() throws Exception {
        Path pem = write("client.pem", CLIENT.certificatePem() + CLIENT.privateKeyPkcs1Pem());

        assertThatThrownBy(() -> KeyMaterial.identity(new ClientIdentity(pem, "PEM", null, null, null)))
                .isInstanceOf(UnusableKeyMaterialException.class)
                .hasMessageContaining("RSA PRIVATE KEY").hasMessageContaining("openssl pkcs8 -topk8");
    }

    @Test
    void aCertificateTheClusterDoesNotTrustIsRefusedWithWhatOntapNeeds() throws Exception {
        serve(new HeldCertificate.Builder().certificateAuthority(0).commonName("Some Other CA").build());
        Path pem = write("client.pem", CLIENT.certificatePem() + CLIENT.privateKeyPkcs8Pem());
        OntapClient client = client(new ClientIdentity(pem, "PEM", null, null, null));

        assertThatThrownBy(() -> client.fetchSessions().toMap())
                .isInstanceOfSatisfying(OntapException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.CERTIFICATE_REJECTED))
                .hasMessageContaining("localhost:" + server.getPort())
                .hasMessageContaining("CN=iscsi-monitor")
                .hasMessageContaining("-type client-ca")
                .hasMessageContaining("-client-enabled true")
                .hasMessageContaining("-user-or-group-name iscsi-monitor -application http -authentication-method cert");
    }

    @Test
    void aRejectedCertificateLoginSaysWhatOntapNeeds() throws Exception {
        serve(CLIENT_CA.certificate(), new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"not authorized for that command\",\"code\":\"6691623\"}}").build());
        Path pem = write("client.pem", CLIENT.certificatePem() + CLIENT.privateKeyPkcs8Pem());

        assertThatThrownBy(() -> client(new ClientIdentity(pem, "PEM", null, null, null)).fetchSessions().toMap())
                .isInstanceOfSatisfying(OntapException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.UNAUTHORIZED))
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("-user-or-group-name iscsi-monitor -application http -authentication-method cert");
        assertThat(server.getRequestCount()).as("a certificate is not renewed and retried").isEqualTo(1);
    }

    private Path store(String type) throws Exception {
        KeyStore store = KeyStore.getInstance(type);
        store.load(null, null);
        store.setKeyEntry("monitor", CLIENT.keyPair().getPrivate(), PASSWORD.toCharArray(),
                new Certificate[]{CLIENT.certificate(), CLIENT_CA.certificate()});
        Path file = dir.resolve("client." + type.toLowerCase());
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return file;
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static Path resource(String name) {
        try {
            return Path.of(ClientCertificateTest.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
