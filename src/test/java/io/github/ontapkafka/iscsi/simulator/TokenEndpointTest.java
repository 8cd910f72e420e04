package io.github.ontapkafka.iscsi.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class TokenEndpointTest {

    private static final String SESSIONS = "/api/protocols/san/iscsi/sessions";
    private static final String CLIENT_ID = "connector";
    private static final String SECRET = "p@ss:w rd";

    private final MovableClock clock = new MovableClock();
    private final TokenEndpoint endpoint = new TokenEndpoint(CLIENT_ID, SECRET, clock);
    /** The identity provider and ONTAP are different servers, as in production. */
    private final OntapSimulatorServer identityProvider = OntapSimulatorServer.builder().tokenEndpoint(endpoint)
            .build().start();
    private final RunningCluster running = new RunningCluster(builder -> builder.acceptTokensFrom(endpoint))
            .withSessions(3);

    @AfterEach
    void stop() {
        identityProvider.stop();
        running.close();
    }

    @Test
    void clientSecretBasicIssuesATokenWithFormEncodedCredentials() throws IOException {
        String basic = Credentials.basic(formEncode(CLIENT_ID), formEncode(SECRET));

        JsonNode token = json(requestToken(basic, new FormBody.Builder().add("grant_type", "client_credentials")));

        assertThat(token.path("access_token").asText()).hasSizeGreaterThan(20);
        assertThat(token.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.path("expires_in").asLong()).isEqualTo(3600);
        assertThat(endpoint.tokensIssued()).isEqualTo(1);
    }

    @Test
    void clientSecretPostIssuesAToken() throws IOException {
        endpoint.lifetime(Duration.ofMinutes(5));

        JsonNode token = json(requestToken(null, clientSecretPost()));

        assertThat(token.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.path("expires_in").asLong()).isEqualTo(300);
    }

    @Test
    void aWrongSecretIsAnInvalidClient() throws IOException {
        String basic = Credentials.basic(CLIENT_ID, "guess");

        try (Response response = requestToken(basic, new FormBody.Builder().add("grant_type", "client_credentials"))) {
            assertThat(response.code()).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
            assertThat(errorOf(response)).isEqualTo("invalid_client");
        }
        assertThat(endpoint.tokensIssued()).isZero();
    }

    @Test
    void anotherGrantTypeIsUnsupportedAndAMissingOneInvalid() throws IOException {
        FormBody.Builder password = new FormBody.Builder().add("grant_type", "password")
                .add("client_id", CLIENT_ID).add("client_secret", SECRET);
        FormBody.Builder none = new FormBody.Builder().add("client_id", CLIENT_ID).add("client_secret", SECRET);

        try (Response unsupported = requestToken(null, password); Response missing = requestToken(null, none)) {
            assertThat(unsupported.code()).isEqualTo(400);
            assertThat(errorOf(unsupported)).isEqualTo("unsupported_grant_type");
            assertThat(missing.code()).isEqualTo(400);
            assertThat(errorOf(missing)).isEqualTo("invalid_request");
        }
    }

    @Test
    void remembersTheScopeAndAudienceAsked() throws IOException {
        json(requestToken(null, clientSecretPost().add("scope", "ontap.read").add("audience", "https://ontap")));

        assertThat(endpoint.lastScope()).contains("ontap.read");
        assertThat(endpoint.lastAudience()).contains("https://ontap");
    }

    @Test
    void clustersAcceptItsTokensUntilTheyExpire() throws IOException {
        String token = issueToken();
        running.client.withAuthorization("Bearer " + token);

        assertThat(running.client.json(SESSIONS).path("num_records").asInt()).isEqualTo(3);

        clock.advance(Duration.ofHours(1));
        SimulatorClient.Reply expired = running.client.reply(SESSIONS);

        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().path("error").path("code").asText()).isEqualTo("5");
    }

    @Test
    void revokedAndUnknownTokensAre401() throws IOException {
        String revoked = issueToken();
        endpoint.revokeAll();
        String fresh = issueToken();

        assertThat(running.client.withAuthorization("Bearer " + revoked).reply(SESSIONS).status()).isEqualTo(401);
        assertThat(running.client.withAuthorization("Bearer not-a-token").reply(SESSIONS).status()).isEqualTo(401);
        assertThat(running.client.withAuthorization("Bearer " + fresh).reply(SESSIONS).status()).isEqualTo(200);
    }

    @Test
    void downAnswers503UntilBackUp() throws IOException {
        endpoint.down(true);
        try (Response response = requestToken(null, clientSecretPost())) {
            assertThat(response.code()).isEqualTo(503);
        }

        endpoint.down(false);

        assertThat(issueToken()).isNotEmpty();
    }

    @Test
    void theAdminApiRevokesTokensAndTakesTheEndpointDown() throws IOException {
        String token = issueToken();
        SimulatorClient admin = new SimulatorClient(identityProvider.adminUrl())
                .withAuthorization(Credentials.basic("admin", "netapp123"));

        admin.json("POST", "/oauth2/revoke");
        admin.json("POST", "/oauth2/down?down=true");

        assertThat(running.client.withAuthorization("Bearer " + token).reply(SESSIONS).status()).isEqualTo(401);
        try (Response response = requestToken(null, clientSecretPost())) {
            assertThat(response.code()).isEqualTo(503);
        }
    }

    @Test
    void theTokenPathIsNotServedWithoutAnEndpointAndBasicStillWorks() throws IOException {
        Request request = new Request.Builder().url(running.server.adminUrl().replace("/simulator", "")
                + TokenEndpoint.TOKEN_PATH).post(clientSecretPost().build()).build();

        try (Response response = SimulatorClient.HTTP.newCall(request).execute()) {
            assertThat(response.code()).isEqualTo(404);
        }
        assertThat(running.client.json(SESSIONS).path("num_records").asInt()).isEqualTo(3);
    }

    private String issueToken() throws IOException {
        return json(requestToken(null, clientSecretPost())).path("access_token").asText();
    }

    private Response requestToken(String authorization, FormBody.Builder form) throws IOException {
        Request.Builder request = new Request.Builder().url(identityProvider.tokenUrl()).post(form.build());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return SimulatorClient.HTTP.newCall(request.build()).execute();
    }

    private static FormBody.Builder clientSecretPost() {
        return new FormBody.Builder().add("grant_type", "client_credentials").add("client_id", CLIENT_ID)
                .add("client_secret", SECRET);
    }

    private static JsonNode json(Response response) throws IOException {
        try (response) {
            String body = response.body().string();
            assertThat(response.code()).as(body).isEqualTo(200);
            return SimulatorClient.JSON.readTree(body);
        }
    }

    private static String errorOf(Response response) throws IOException {
        return SimulatorClient.JSON.readTree(response.body().string()).path("error").asText();
    }

    private static String formEncode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A clock that stands still until a test moves it on. */
    private static final class MovableClock extends Clock {

        private volatile Instant now = Instant.parse("2024-06-01T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
