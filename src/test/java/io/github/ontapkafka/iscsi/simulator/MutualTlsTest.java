package io.github.ontapkafka.iscsi.simulator;

import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MutualTlsTest {

    private static final String SESSIONS = "/api/protocols/san/iscsi/sessions";
    private static final HeldCertificate SERVER_CA = authority("server-ca");
    private static final HeldCertificate CLIENT_CA = authority("client-ca");
    private static final HeldCertificate SERVER = new HeldCertificate.Builder().commonName("127.0.0.1")
            .addSubjectAlternativeName("127.0.0.1").signedBy(SERVER_CA).build();

    private final SimulatedCluster cluster = SimulatedCluster.named("cluster1");
    private final OntapSimulatorServer server = OntapSimulatorServer.builder()
            .credentials(SimulatorClient.USER, SimulatorClient.PASSWORD)
            .tls(new HandshakeCertificates.Builder().heldCertificate(SERVER, SERVER_CA.certificate()).build()
                    .keyManager())
            .clientCertificateAuthority(CLIENT_CA.certificate())
            .certificateUser("harvest")
            .build()
            .mount("c1", cluster)
            .start();

    MutualTlsTest() {
        new SessionChurn(3).populate(cluster, 4);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void aCertificateUserReadsSessionsWithoutAnAuthorizationHeader() {
        SimulatorClient client = client(presenting("harvest", CLIENT_CA)).withAuthorization(null);

        assertThat(client.json(SESSIONS).path("num_records").asInt()).isEqualTo(4);
    }

    @Test
    void aTrustedCertificateOfAnotherNameIs401() throws IOException {
        SimulatorClient client = client(presenting("stranger", CLIENT_CA)).withAuthorization(null);

        SimulatorClient.Reply reply = client.reply(SESSIONS);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().path("error").path("code").asText()).isEqualTo("5");
    }

    @Test
    void aCertificateFromAnotherAuthorityFailsTheHandshake() throws GeneralSecurityException {
        HandshakeCertificates untrusted = presenting("harvest", authority("other-ca"));
        SSLContext insisting = SSLContext.getInstance("TLS");
        insisting.init(new X509KeyManager[] {new InsistentKeyManager(untrusted.keyManager())},
                new TrustManager[] {untrusted.trustManager()}, null);
        SimulatorClient client = new SimulatorClient(server.baseUrl(cluster), SimulatorClient.HTTP.newBuilder()
                .sslSocketFactory(insisting.getSocketFactory(), untrusted.trustManager()).build());

        assertThatThrownBy(() -> client.reply(SESSIONS)).isInstanceOf(IOException.class);
        assertThat(cluster.stats().totalRequests()).isZero();
    }

    @Test
    void basicAuthenticationWorksWithoutACertificate() throws IOException {
        SimulatorClient client = client(new HandshakeCertificates.Builder()
                .addTrustedCertificate(SERVER_CA.certificate()).build());

        assertThat(client.json(SESSIONS).path("num_records").asInt()).isEqualTo(4);
        assertThat(client.withAuthorization(null).reply(SESSIONS).status()).isEqualTo(401);
    }

    @Test
    void clientCertificatesNeedTheServersKeyAndCertificateUsersNeedAnAuthority() throws Exception {
        SSLContext ready = SSLContext.getInstance("TLS");
        ready.init(null, null, null);

        assertThatThrownBy(() -> OntapSimulatorServer.builder().clientCertificateAuthority(CLIENT_CA.certificate())
                .build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("TLS is off");
        assertThatThrownBy(() -> OntapSimulatorServer.builder().tls(ready)
                .clientCertificateAuthority(CLIENT_CA.certificate()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("tls(KeyManager...)");
        assertThatThrownBy(() -> OntapSimulatorServer.builder().certificateUser("harvest").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("clientCertificateAuthority");
    }

    private SimulatorClient client(HandshakeCertificates certificates) {
        OkHttpClient http = SimulatorClient.HTTP.newBuilder()
                .sslSocketFactory(certificates.sslSocketFactory(), certificates.trustManager()).build();
        return new SimulatorClient(server.baseUrl(cluster), http);
    }

    /** A client that trusts the server and presents a certificate of {@code commonName} issued by {@code issuer}. */
    private static HandshakeCertificates presenting(String commonName, HeldCertificate issuer) {
        HeldCertificate certificate = new HeldCertificate.Builder().commonName(commonName).signedBy(issuer).build();
        return new HandshakeCertificates.Builder().addTrustedCertificate(SERVER_CA.certificate())
                .heldCertificate(certificate, issuer.certificate()).build();
    }

    private static HeldCertificate authority(String name) {
        return new HeldCertificate.Builder().commonName(name).certificateAuthority(0).build();
    }

    /**
     * Presents its certificate whatever authorities the server names: a JDK client leaves out a certificate that
     * none of them issued, which would turn this test into one without a certificate.
     */
    private static final class InsistentKeyManager extends X509ExtendedKeyManager {

        private final X509KeyManager keys;

        InsistentKeyManager(X509KeyManager keys) {
            this.keys = keys;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return keys.getClientAliases(keyType, null);
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return keys.chooseClientAlias(keyType, null, socket);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return keys.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return keys.getPrivateKey(alias);
        }
    }
}
