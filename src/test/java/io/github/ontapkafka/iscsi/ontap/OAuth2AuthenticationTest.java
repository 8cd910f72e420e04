package io.github.ontapkafka.iscsi.ontap;

import io.github.ontapkafka.iscsi.fixtures.ManualClock;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * OAuth 2.0 client credentials: the token request, the cache, renewal before expiry and once after a 401, and a
 * failing token endpoint reported as such, never with the secret or a token in the message.
 */
class OAuth2AuthenticationTest {

    private static final String SECRET = "cl!ent:s3cret";
    private static final String CLIENT_ID = "ontap-monitor";

    private final MockWebServer idp = new MockWebServer();
    private final MockWebServer cluster = new MockWebServer();
    private final ManualClock clock = new ManualClock("2026-11-30T08:00:00Z");
    private OntapClients clients;

    @BeforeEach
    void start() throws IOException {
        idp.start();
        cluster.start();
        clients = new OntapClients(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ZERO,
                new RequestPolicy(500, 0, Duration.ZERO), clock);
    }

    @AfterEach
    void stop() {
        clients.close();
        idp.close();
        cluster.close();
    }

    private OntapClient client(String scope, String audience) {
        return clients.create(ClusterUrl.parse(cluster.url("/").toString()), new ClusterAccess(new Login.OAuth2(
                new OAuth2Settings(idp.url("/oauth2/token").toString(), CLIENT_ID, Secret.of(SECRET), scope, audience,
                        null)), null, true), SessionScope.ALL);
    }

    private static MockResponse token(String value, long expiresIn) {
        return json(200, "{\"access_token\":\"" + value + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}");
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static MockResponse emptyPage() {
        return json(200, PageJson.page(List.of(), null));
    }

    private static MockResponse unauthorized() {
        return json(401, "{\"error\":{\"message\":\"not authorized\",\"code\":\"6\"}}");
    }

    @Test
    void asksForATokenWithTheClientCredentialsGrantAndSendsItAsBearer() throws Exception {
        idp.enqueue(token("tok-1", 3600));
        cluster.enqueue(emptyPage());

        client("ontap.read", "https://cluster.example.com").fetchSessions();

        RecordedRequest tokenRequest = idp.takeRequest();
        assertThat(tokenRequest.getMethod()).isEqualTo("POST");
        String form = tokenRequest.getBody().string(StandardCharsets.UTF_8);
        assertThat(form).contains("grant_type=client_credentials").contains("scope=ontap.read")
                .contains("audience=https%3A%2F%2Fcluster.example.com").doesNotContain("cl%21ent");
        // RFC 6749 2.3.1: form-encoded, then Basic.
        assertThat(tokenRequest.getHeaders().get("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString("ontap-monitor:cl%21ent%3As3cret".getBytes(StandardCharsets.UTF_8)));
        assertThat(cluster.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer tok-1");
    }

    @Test
    void cachesTheTokenAndRenewsItAfterFourFifthsOfItsLifetime() throws Exception {
        idp.enqueue(token("tok-1", 100));
        idp.enqueue(token("tok-2", 100));
        for (int i = 0; i < 3; i++) {
            cluster.enqueue(emptyPage());
        }
        OntapClient client = client(null, null);

        client.fetchSessions();
        clock.advance(Duration.ofSeconds(79));
        client.fetchSessions();
        clock.advance(Duration.ofSeconds(1));
        client.fetchSessions();

        assertThat(idp.getRequestCount()).isEqualTo(2);
        assertThat(List.of(bearer(), bearer(), bearer())).containsExactly("Bearer tok-1", "Bearer tok-1", "Bearer tok-2");
    }

    @Test
    void clustersOfTheSameClientShareOneToken() throws Exception {
        idp.enqueue(token("tok-1", 3600));
        cluster.enqueue(emptyPage());
        cluster.enqueue(emptyPage());

        client(null, null).fetchSessions();
        client(null, null).fetchSessions();

        assertThat(idp.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRejectedTokenIsRenewedOnceAndTheRequestRepeated() throws Exception {
        idp.enqueue(token("revoked", 3600));
        idp.enqueue(token("fresh", 3600));
        cluster.enqueue(unauthorized());
        cluster.enqueue(emptyPage());

        assertThat(client(null, null).fetchSessions().toMap()).isEmpty();

        assertThat(List.of(bearer(), bearer())).containsExactly("Bearer revoked", "Bearer fresh");
    }

    @Test
    void aFreshTokenRejectedAgainIsTheClustersRefusal() {
        idp.enqueue(token("a", 3600));
        idp.enqueue(token("b", 3600));
        cluster.enqueue(unauthorized());
        cluster.enqueue(unauthorized());

        assertThatThrownBy(() -> client(null, null).fetchSessions())
                .isInstanceOfSatisfying(OntapException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.UNAUTHORIZED))
                .hasMessageContaining("HTTP 401").hasMessageContaining("client '" + CLIENT_ID + "'")
                .hasMessageContaining("security oauth2 client");
        assertThat(idp.getRequestCount()).isEqualTo(2);
        assertThat(cluster.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aTokenEndpointThatRefusesTheClientIsReportedAsTheTokenEndpoint() {
        idp.enqueue(json(401, "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}"));

        assertThatThrownBy(() -> client(null, null).fetchSessions())
                .isInstanceOfSatisfying(OntapException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.TOKEN_ENDPOINT))
                .hasMessageContaining(idp.url("/oauth2/token").toString())
                .hasMessageContaining("HTTP 401, invalid_client: Client authentication failed")
                .hasMessageContaining("check the client id and secret")
                .hasMessageNotContaining(SECRET).hasMessageNotContaining("s3cret");
        assertThat(cluster.getRequestCount()).as("ONTAP is not asked without a token").isZero();
    }

    @Test
    void aTokenEndpointThatIsDownIsReportedAsTheTokenEndpoint() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        OntapClient client = clients.create(ClusterUrl.parse(cluster.url("/").toString()), new ClusterAccess(
                new Login.OAuth2(new OAuth2Settings("http://127.0.0.1:" + closedPort + "/token", CLIENT_ID,
                        Secret.of(SECRET), null, null, null)), null, true), SessionScope.ALL);

        assertThatThrownBy(client::fetchSessions)
                .isInstanceOfSatisfying(OntapException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.TOKEN_ENDPOINT))
                .hasMessageContaining("127.0.0.1:" + closedPort).hasMessageContaining("cannot be reached");
    }

    @Test
    void anAnswerWithoutATokenOrOfAnotherTypeIsRefused() {
        idp.enqueue(json(200, "{\"token_type\":\"Bearer\"}"));
        idp.enqueue(json(200, "{\"access_token\":\"x\",\"token_type\":\"mac\"}"));

        assertThatThrownBy(() -> client(null, null).fetchSessions()).hasMessageContaining("without an access_token");
        assertThatThrownBy(() -> client(null, null).fetchSessions()).hasMessageContaining("type 'mac'");
    }

    @Test
    void aTokenWithoutLifetimeIsKeptUntilRejected() throws Exception {
        idp.enqueue(json(200, "{\"access_token\":\"forever\",\"token_type\":\"bearer\"}"));
        cluster.enqueue(emptyPage());
        cluster.enqueue(emptyPage());
        OntapClient client = client(null, null);

        client.fetchSessions();
        clock.advance(Duration.ofDays(1));
        client.fetchSessions();

        assertThat(idp.getRequestCount()).isEqualTo(1);
    }

    private String bearer() throws InterruptedException {
        return cluster.takeRequest().getHeaders().get("Authorization");
    }
}
