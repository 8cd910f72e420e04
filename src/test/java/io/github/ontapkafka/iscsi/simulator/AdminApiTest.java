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
        assertThat(listed.path("nodes").get(1).asText()).isEqualTo("cluster1-02");
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
    void schedulesAFaultOnAPageOfTheEmsWalk() {
        admin.json("POST", "/c1/faults?kind=malformed-json&page=2&collection=ems");

        assertThat(cluster.faults().pending()).singleElement()
                .satisfies(fault -> assertThat(fault.scope()).isEqualTo(FaultScope.emsPage(2)));
    }

    @Test
    void logsARefusedLoginOnTheNodeAsked() {
        JsonNode logged = admin.json("POST", "/c1/ems?kind=refused&node=cluster1-02&initiator=iqn.1991-05.com"
                + ".microsoft:db-host-007&svm=svm_dev_01&lif=iscsi_lif_b2&address=203.0.113.66");

        JsonNode record = logged.path("records").get(0);
        assertThat(record.path("node").path("name").asText()).isEqualTo("cluster1-02");
        assertThat(record.path("message").path("name").asText()).isEqualTo("iscsi.loginIpNotAuthorized");
        assertThat(record.path("log_message").asText()).contains("Initiator iqn.1991-05.com.microsoft:db-host-007 "
                + "attempted to log in on Vserver svm_dev_01, LIF iscsi_lif_b2 from IP address 203.0.113.66");
        assertThat(cluster.emsEvents()).singleElement()
                .satisfies(event -> assertThat(event.parameter("lif")).isEqualTo("iscsi_lif_b2"));
        assertThat(admin.json("/c1/ems").path("num_records").asInt()).isEqualTo(1);
    }

    @Test
    void logsNoiseAndAnyMessageWithItsParameters() {
        assertThat(admin.json("POST", "/c1/ems?kind=noise&count=3").path("num_records").asInt()).isEqualTo(3);

        JsonNode newer = admin.json("POST", "/c1/ems?kind=event&name=iscsi.login.newThing&severity=notice"
                + "&param.initiator=iqn.x&param.reason=42").path("records").get(0);

        assertThat(newer.path("index").asLong()).isEqualTo(4);
        assertThat(newer.path("parameters").get(1).path("value").asText()).isEqualTo("42");
        assertThat(cluster.hasEmsMessage("iscsi.login.newThing")).isTrue();
    }

    @Test
    void changesTheEmsSettingsAndTheCatalogue() throws IOException {
        JsonNode settings = admin.json("POST", "/c1/settings?ems_retention=50&ems_suppression_seconds=30");
        admin.json("DELETE", "/c1/ems/catalogue/iscsi.loginIpNotAuthorized");

        assertThat(settings.path("ems_retention").asInt()).isEqualTo(50);
        assertThat(cluster.emsRetention()).isEqualTo(50);
        assertThat(cluster.emsSuppression()).hasSeconds(30);
        assertThat(admin.json("POST", "/c1/ems?kind=failure&text=same").path("num_records").asInt()).isEqualTo(1);
        assertThat(admin.json("POST", "/c1/ems?kind=failure&text=same").path("num_records").asInt()).isZero();
        assertThat(running.client.reply("/api/support/ems/events?message.name=iscsi.loginIpNotAuthorized").status())
                .isEqualTo(400);
        try (var refused = admin.call("POST", "/c1/ems?kind=refused")) {
            assertThat(refused.code()).isEqualTo(400);
        }
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
