package io.github.ontapkafka.iscsi.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultInjectionTest {

    private static final String SESSIONS = "/api/protocols/san/iscsi/sessions";
    private static final String FIRST_PAGE = SESSIONS + "?fields=*";

    private final RunningCluster running = new RunningCluster().withSessions(20);
    private final SimulatedCluster cluster = running.cluster;
    private final SimulatorClient client = running.client;
    private final FaultPlan faults = cluster.faults();

    @AfterEach
    void stop() {
        running.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 429, 500, 502, 503, 504})
    void aStatusFaultAnswersWithThatStatusAndAnOntapErrorOnce(int status) throws IOException {
        faults.inject(Fault.status(status), FaultScope.everyRequest(), 1);

        SimulatorClient.Reply failed = client.reply(FIRST_PAGE);
        SimulatorClient.Reply recovered = client.reply(FIRST_PAGE);

        assertThat(failed.status()).isEqualTo(status);
        assertThat(failed.json().path("error").path("message").asText()).isNotEmpty();
        assertThat(recovered.status()).isEqualTo(200);
        assertThat(faults.pending()).isEmpty();
    }

    @Test
    void aFaultForNRequestsHitsExactlyN() throws IOException {
        ScheduledFault fault = faults.inject(Fault.status(503), FaultScope.everyRequest(), 3);

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(client.reply("/api/cluster").status());
        }

        assertThat(statuses).containsExactly(503, 503, 503, 200, 200);
        assertThat(fault.remainingUses()).isZero();
    }

    @Test
    void aFaultUntilClearedLastsUntilCleared() throws IOException {
        faults.injectUntilCleared(Fault.status(500), FaultScope.everyRequest());

        for (int i = 0; i < 4; i++) {
            assertThat(client.reply("/api/cluster").status()).isEqualTo(500);
        }
        faults.clear();

        assertThat(client.reply("/api/cluster").status()).isEqualTo(200);
    }

    @Test
    void aPageFaultHitsOnlyThatPageOfTheWalkAndItsRetryRecovers() throws IOException {
        cluster.setPageCap(5);
        faults.inject(Fault.status(500), FaultScope.sessionPage(3), 1);

        JsonNode page1 = client.json(FIRST_PAGE);
        String page2Link = page1.path("_links").path("next").path("href").asText();
        JsonNode page2 = client.json(page2Link);
        String page3Link = page2.path("_links").path("next").path("href").asText();
        SimulatorClient.Reply page3 = client.reply(page3Link);
        SimulatorClient.Reply page3Retry = client.reply(page3Link);

        assertThat(page3.status()).isEqualTo(500);
        assertThat(page3Retry.status()).isEqualTo(200);
        assertThat(client.reply("/api/cluster").status()).isEqualTo(200);
    }

    @Test
    void aPageFaultLeavesOtherRequestsAlone() throws IOException {
        cluster.setPageCap(5);
        faults.inject(Fault.status(503), FaultScope.sessionPage(2), 1);
        String oneSession = SESSIONS + "/" + cluster.sessions().get(0).key();

        JsonNode page1 = client.json(FIRST_PAGE);
        assertThat(client.reply("/api/cluster").status()).isEqualTo(200);
        assertThat(client.reply(oneSession).status()).isEqualTo(200);
        assertThat(client.reply(page1.path("_links").path("next").path("href").asText()).status()).isEqualTo(503);
    }

    @Test
    void aFaultOnPageTwoOfTheEmsWalkStrikesThatPageOnlyNotTheSessionWalk() throws IOException {
        cluster.setPageCap(5);
        cluster.logNoise(cluster.nodes().get(0), 4);
        faults.inject(Fault.malformedJson(), FaultScope.emsPage(2), 1);
        String emsWalk = "/api/support/ems/events?fields=*&max_records=2";

        JsonNode sessionPage1 = client.json(FIRST_PAGE);
        assertThat(client.reply(sessionPage1.path("_links").path("next").path("href").asText()).status())
                .isEqualTo(200);
        JsonNode emsPage1 = client.json(emsWalk);
        String emsPage2Link = emsPage1.path("_links").path("next").path("href").asText();
        SimulatorClient.Reply emsPage2 = client.reply(emsPage2Link);
        SimulatorClient.Reply emsPage2Retry = client.reply(emsPage2Link);

        assertThat(emsPage2.status()).isEqualTo(200);
        assertThat(emsPage2.body()).startsWith("{\"records\":[");
        assertThatThrownBy(emsPage2::json).isInstanceOf(JsonProcessingException.class);
        assertThat(emsPage2Retry.json().path("records")).hasSize(2);
        assertThat(faults.pending()).isEmpty();
    }

    @Test
    void aPageFaultOnPageOneStrikesEveryNewWalk() throws IOException {
        faults.injectUntilCleared(Fault.status(502), FaultScope.sessionPage(1));

        assertThat(client.reply(FIRST_PAGE).status()).isEqualTo(502);
        assertThat(client.reply(SESSIONS).status()).isEqualTo(502);
        assertThat(client.reply("/api/cluster").status()).isEqualTo(200);
    }

    @Test
    void a401CanComeAsHtml() throws IOException {
        faults.inject(Fault.unauthorizedHtml(), FaultScope.everyRequest(), 1);

        SimulatorClient.Reply reply = client.reply(FIRST_PAGE);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("text/html");
        assertThatThrownBy(reply::json).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void malformedJsonIsA200WithATruncatedBody() throws IOException {
        faults.inject(Fault.malformedJson(), FaultScope.everyRequest(), 1);

        SimulatorClient.Reply reply = client.reply(FIRST_PAGE);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.body()).startsWith("{\"records\":[");
        assertThatThrownBy(reply::json).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void anHtmlPageIsA200WithTextHtml() throws IOException {
        faults.inject(Fault.htmlPage(), FaultScope.everyRequest(), 1);

        SimulatorClient.Reply reply = client.reply(FIRST_PAGE);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/html");
        assertThat(reply.body()).contains("<html>");
    }

    @Test
    void aDelayTripsAClientReadTimeoutAndThenPasses() throws IOException {
        OkHttpClient impatient = SimulatorClient.HTTP.newBuilder().readTimeout(Duration.ofMillis(100)).build();
        SimulatorClient hurried = new SimulatorClient(running.server.baseUrl(cluster), impatient);
        faults.inject(Fault.delay(Duration.ofMillis(600)), FaultScope.everyRequest(), 1);

        assertThatThrownBy(() -> hurried.reply(FIRST_PAGE)).isInstanceOf(InterruptedIOException.class);
        assertThat(hurried.reply(FIRST_PAGE).status()).isEqualTo(200);
    }

    @Test
    void aDelayedRequestIsAnsweredNormally() throws IOException {
        faults.inject(Fault.delay(Duration.ofMillis(50)), FaultScope.everyRequest(), 1);

        assertThat(client.reply(FIRST_PAGE).status()).isEqualTo(200);
    }

    @Test
    void aDroppedConnectionGetsNoResponseAtAll() throws IOException {
        faults.inject(Fault.dropConnection(), FaultScope.everyRequest(), 1);

        assertThatThrownBy(() -> client.reply(FIRST_PAGE)).isInstanceOf(IOException.class)
                .isNotInstanceOf(InterruptedIOException.class);
        assertThat(client.reply(FIRST_PAGE).status()).isEqualTo(200);
    }

    @Test
    void aDownClusterDropsEveryRequestWhileItsNeighbourServes() throws IOException {
        SimulatedCluster neighbour = SimulatedCluster.named("cluster2");
        running.server.mount("c2", neighbour);
        faults.goDown();

        assertThatThrownBy(() -> client.reply("/api/cluster")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> client.reply(FIRST_PAGE)).isInstanceOf(IOException.class);
        assertThat(new SimulatorClient(running.server.baseUrl(neighbour)).reply("/api/cluster").status())
                .isEqualTo(200);

        faults.clear();

        assertThat(client.reply("/api/cluster").status()).isEqualTo(200);
    }

    @Test
    void theEarliestMatchingFaultStrikesFirst() throws IOException {
        faults.inject(Fault.status(429), FaultScope.everyRequest(), 1);
        faults.inject(Fault.status(504), FaultScope.everyRequest(), 1);

        assertThat(client.reply("/api/cluster").status()).isEqualTo(429);
        assertThat(client.reply("/api/cluster").status()).isEqualTo(504);
        assertThat(client.reply("/api/cluster").status()).isEqualTo(200);
    }

    @Test
    void faultedRequestsAreCounted() throws IOException {
        faults.inject(Fault.status(500), FaultScope.everyRequest(), 2);

        for (int i = 0; i < 3; i++) {
            client.reply(SESSIONS);
        }

        assertThat(cluster.stats().requests(SESSIONS)).isEqualTo(3);
    }

    @Test
    void anUnsimulatedStatusIsRefused() {
        assertThatThrownBy(() -> Fault.status(418)).isInstanceOf(IllegalArgumentException.class);
    }
}
