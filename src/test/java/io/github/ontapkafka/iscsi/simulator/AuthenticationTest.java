package io.github.ontapkafka.iscsi.simulator;

import okhttp3.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationTest {

    private static final String SESSIONS = "/api/protocols/san/iscsi/sessions";

    private final RunningCluster running = new RunningCluster().withSessions(3);

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void missingCredentialsAre401WithABasicChallenge() throws IOException {
        try (var response = running.client.withAuthorization(null).get(SESSIONS)) {
            assertThat(response.code()).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
            assertThat(SimulatorClient.JSON.readTree(response.body().string()).path("error").has("message")).isTrue();
        }
    }

    @Test
    void aWrongPasswordIs401() throws IOException {
        running.client.withAuthorization(Credentials.basic(SimulatorClient.USER, "guess"));

        assertThat(running.client.reply(SESSIONS).status()).isEqualTo(401);
    }

    @Test
    void aUserWithoutThePrivilegeGets403WithAnOntapError() throws IOException {
        running.cluster.setPrivilegeDenied(true);

        SimulatorClient.Reply reply = running.client.reply(SESSIONS);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().path("error").path("code").asText()).isEqualTo("6");
    }

    @Test
    void wrongCredentialsStay401EvenWhenThePrivilegeIsLacking() throws IOException {
        running.cluster.setPrivilegeDenied(true);
        running.client.withAuthorization(Credentials.basic("intruder", SimulatorClient.PASSWORD));

        assertThat(running.client.reply("/api/cluster").status()).isEqualTo(401);
    }
}
