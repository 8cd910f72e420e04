package io.github.ontapkafka.iscsi.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminApiTest {

    private final RunningCluster running = new RunningCluster().withSessions(4);
    private final SimulatedCluster cluster = running.cluster;
    private final SimulatorClient admin = new SimulatorClient(running.server.adminUrl() + "/clusters");

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void listsTheClustersWithTheirBaseUrls() {
        JsonNode listed = admin.json("").path("clusters").get(0);

        assertThat(listed.path("id").asText()).isEqualTo("c1");
        assertThat(listed.path("uuid").asText()).isEqualTo(cluster.uuid());
        assertThat(listed.path("base_url").asText()).isEqualTo(running.server.baseUrl(cluster));
        assertThat(listed.path("sessions").asInt()).isEqualTo(4);
    }

    @Test
    void logsInGeneratedSessionsAndLogsThemOut() throws IOException {
        JsonNode created = admin.json("POST", "/c1/sessions?count=3");
        String key = RunningCluster.key(created.path("records").get(0));

        assertThat(created.path("num_records").asInt()).isEqualTo(3);
        assertThat(cluster.size()).isEqualTo(7);
        assertThat(admin.json("DELETE", "/c1/sessions/" + key).path("result").asText()).contains(key);
        assertThat(cluster.size()).isEqualTo(6);
        try (var again = admin.call("DELETE", "/c1/sessions/" + key)) {
            assertThat(again.code()).isEqualTo(404);
        }
    }

    @Test
    void addsAndDropsConnections() {
        IscsiSession session = cluster.sessions().get(0);
        String path = "/c1/sessions/" + session.key() + "/connections";
        int before = session.connections().size();

        int cid = admin.json("POST", path).path("cid").asInt();

        assertThat(cluster.session(session.key()).orElseThrow().connections()).hasSize(before + 1);
        admin.json("DELETE", path + "/" + cid);
        assertThat(cluster.session(session.key()).orElseThrow().connections()).hasSize(before);
    }

    @Test
    void schedulesAndClearsFaults() throws IOException {
        admin.json("POST", "/c1/faults?kind=status&status=503&times=1");

        assertThat(admin.json("/c1/faults").path("faults")).hasSize(1);
        assertThat(running.client.reply("/api/cluster").status()).isEqualTo(503);
        assertThat(running.client.reply("/api/cluster").status()).isEqualTo(200);

        admin.json("POST", "/c1/faults?kind=down");
        assertThatThrownBy(() -> running.client.reply("/api/cluster")).isInstanceOf(IOException.class);
        admin.json("DELETE", "/c1/faults");
        assertThat(running.client.reply("/api/cluster").status()).isEqualTo(200);
    }

    @Test
    void schedulesAPageFault() throws IOException {
        admin.json("POST", "/c1/faults?kind=delay&ms=10&page=2&times=1");

        assertThat(cluster.faults().pending()).singleElement().satisfies(fault -> {
            assertThat(fault.scope()).isEqualTo(FaultScope.sessionPage(2));
            assertThat(fault.remainingUses()).isEqualTo(1);
        });
    }

    @Test
    void refusesAnUnknownFaultKind() throws IOException {
        try (var response = admin.call("POST", "/c1/faults?kind=gremlins")) {
            assertThat(response.code()).isEqualTo(400);
        }
    }

    @Test
    void changesSettings() {
        JsonNode settings = admin.json("POST", "/c1/settings?page_cap=7&privilege_denied=true&initiator_comment=false");

        assertThat(settings.path("page_cap").asInt()).isEqualTo(7);
        assertThat(cluster.pageCap()).isEqualTo(7);
        assertThat(cluster.isPrivilegeDenied()).isTrue();
        assertThat(cluster.isInitiatorCommentReported()).isFalse();
    }

    @Test
    void churnsAndReportsWhatItDid() {
        JsonNode summary = admin.json("POST", "/c1/churn?operations=10");

        int operations = summary.path("logins").asInt() + summary.path("logouts").asInt()
                + summary.path("connections_added").asInt() + summary.path("connections_dropped").asInt()
                + summary.path("tsih_reuses").asInt();
        assertThat(operations).isEqualTo(10);
        assertThat(summary.path("sessions").asInt()).isEqualTo(cluster.size());
    }

    @Test
    void showsAndResetsTheRequestCounters() {
        running.client.json("/api/cluster");

        assertThat(admin.json("/c1/stats").path("requests_by_path").path("/api/cluster").asInt()).isEqualTo(1);
        admin.json("DELETE", "/c1/stats");
        assertThat(cluster.stats().totalRequests()).isZero();
    }

    @Test
    void needsTheServersCredentials() throws IOException {
        assertThat(admin.withAuthorization(null).reply("").status()).isEqualTo(401);
    }

    @Test
    void anUnknownClusterIs404() throws IOException {
        assertThat(admin.reply("/c7/sessions").status()).isEqualTo(404);
    }
}
