package io.github.ontapkafka.iscsi.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ontapkafka.iscsi.model.SessionKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import static io.github.ontapkafka.iscsi.simulator.RunningCluster.fieldNames;
import static io.github.ontapkafka.iscsi.simulator.RunningCluster.keys;
import static org.assertj.core.api.Assertions.assertThat;

class SessionCollectionTest {

    private static final String SESSIONS = "/api/protocols/san/iscsi/sessions";

    private final RunningCluster running = new RunningCluster();
    private final SimulatedCluster cluster = running.cluster;
    private final SimulatorClient client = running.client;

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void withoutFieldsReturnsOnlyKeyFields() {
        running.withSessions(5);

        JsonNode page = client.json(SESSIONS);

        assertThat(page.path("num_records").asInt()).isEqualTo(5);
        for (JsonNode record : page.path("records")) {
            assertThat(fieldNames(record)).containsExactly("svm", "target_portal_group", "tsih");
            assertThat(fieldNames(record.path("svm"))).containsExactly("uuid", "name");
        }
    }

    @Test
    void fieldsStarReturnsEveryField() {
        running.withSessions(3);

        JsonNode record = client.json(SESSIONS + "?fields=*").path("records").get(0);

        assertThat(fieldNames(record)).containsExactly("svm", "target_portal_group", "target_portal_group_tag", "tsih",
                "isid", "initiator", "igroups", "connections");
        JsonNode connection = record.path("connections").get(0);
        assertThat(fieldNames(connection)).containsExactly("cid", "authentication_type", "initiator_address",
                "interface");
        assertThat(connection.path("interface").path("ip").path("port").asInt()).isEqualTo(3260);
    }

    @Test
    void aFieldListAddsThoseFieldsToTheKeys() {
        running.withSessions(3);

        JsonNode record = client.json(SESSIONS + "?fields=isid,initiator.name").path("records").get(0);

        assertThat(fieldNames(record)).containsExactly("svm", "target_portal_group", "tsih", "isid", "initiator");
    }

    @Test
    void anUnknownFieldIsRejectedUnlessUnknownFieldsAreIgnored() throws IOException {
        running.withSessions(1);

        SimulatorClient.Reply rejected = client.reply(SESSIONS + "?fields=isid,flux_capacitor");
        JsonNode accepted = client.json(SESSIONS + "?fields=isid,flux_capacitor&ignore_unknown_fields=true");

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.json().path("error").path("message").asText()).contains("flux_capacitor");
        assertThat(fieldNames(accepted.path("records").get(0))).contains("isid");
    }

    @Test
    void anUnexpectedParameterIsRejected() throws IOException {
        SimulatorClient.Reply reply = client.reply(SESSIONS + "?colour=blue");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").path("code").asText()).isNotEmpty();
    }

    @Test
    void pagesCappedAtSevenReachEverySessionExactlyOnceInKeyOrder() {
        running.withSessions(50);
        cluster.setPageCap(7);

        List<JsonNode> pages = client.walk(SESSIONS + "?fields=*&max_records=500");

        assertThat(pages).hasSize(8);
        assertThat(pages).allSatisfy(page -> {
            assertThat(page.path("records").size()).isLessThanOrEqualTo(7);
            assertThat(page.path("num_records").asInt()).isEqualTo(page.path("records").size());
        });
        assertThat(keys(pages)).containsExactlyElementsOf(running.clusterKeys());
        assertThat(pages.subList(0, 7)).allSatisfy(page ->
                assertThat(page.path("_links").path("next").path("href").asText())
                        .startsWith(SESSIONS + "?fields=*&max_records=500&start.svm.uuid="));
        assertThat(pages.get(7).path("_links").has("next")).isFalse();
    }

    @Test
    void maxRecordsBelowTheCapSetsThePageSize() {
        running.withSessions(20);
        cluster.setPageCap(7);

        List<JsonNode> pages = client.walk(SESSIONS + "?max_records=4");

        assertThat(pages).hasSize(5).allSatisfy(page -> assertThat(page.path("records").size()).isEqualTo(4));
        assertThat(pages.get(4).has("_links")).isFalse();
    }

    @Test
    void aPageStartsStrictlyAfterTheCursorWhileSessionsChange() throws InterruptedException {
        running.withSessions(300);
        cluster.setPageCap(7);
        AtomicBoolean walking = new AtomicBoolean(true);
        SessionChurn churn = new SessionChurn(7);
        Thread mutator = new Thread(() -> {
            while (walking.get()) {
                churn.apply(cluster, 5);
                LockSupport.parkNanos(100_000);
            }
        });
        mutator.start();
        try {
            for (int walk = 0; walk < 3; walk++) {
                List<String> keys = keys(client.walk(SESSIONS + "?fields=*"));
                assertThat(new HashSet<>(keys)).hasSameSizeAs(keys);
                assertThat(keys).isSortedAccordingTo((a, b) -> sessionKey(a).compareTo(sessionKey(b)));
            }
        } finally {
            walking.set(false);
            mutator.join();
        }
    }

    @Test
    void plainJsonDropsEveryLinkButNext() {
        running.withSessions(3);
        cluster.setPageCap(2);

        JsonNode page = client.json(SESSIONS + "?fields=*");

        assertThat(fieldNames(page.path("_links"))).containsExactly("next");
        JsonNode record = page.path("records").get(0);
        assertThat(record.has("_links")).isFalse();
        assertThat(record.path("svm").has("_links")).isFalse();
        assertThat(record.path("igroups").get(0).has("_links")).isFalse();
        assertThat(record.path("connections").get(0).path("interface").has("_links")).isFalse();
    }

    @Test
    void halJsonCarriesEveryLink() throws IOException {
        running.withSessions(3);
        cluster.setPageCap(2);
        client.accepting("application/hal+json");

        SimulatorClient.Reply reply = client.reply(SESSIONS + "?fields=*");
        JsonNode page = reply.json();

        assertThat(reply.contentType()).startsWith("application/hal+json");
        assertThat(fieldNames(page.path("_links"))).containsExactly("self", "next");
        assertThat(page.path("_links").path("self").path("href").asText()).isEqualTo(SESSIONS + "?fields=*");
        JsonNode record = page.path("records").get(0);
        assertThat(record.path("_links").path("self").path("href").asText())
                .isEqualTo(SESSIONS + "/" + RunningCluster.key(record));
        assertThat(record.path("svm").path("_links").path("self").path("href").asText()).startsWith("/api/svm/svms/");
        assertThat(record.path("igroups").get(0).path("_links").path("self").path("href").asText())
                .startsWith("/api/protocols/san/igroups/");
        assertThat(record.path("connections").get(0).path("interface").path("_links").path("self").path("href")
                .asText()).startsWith("/api/network/ip/interfaces/");
    }

    @Test
    void aNewerReleaseAddsAFieldClientsDoNotKnow() {
        running.withSessions(2);
        cluster.setUnknownFieldReported(true);

        JsonNode record = client.json(SESSIONS + "?fields=*").path("records").get(0);

        assertThat(record.has("foo_new_field")).isTrue();
    }

    @Test
    void anOlderReleaseOmitsTheInitiatorComment() {
        running.withSessions(40);
        String commentedFields = SESSIONS + "?fields=initiator";
        assertThat(client.json(commentedFields).path("records").findValues("comment")).isNotEmpty();

        cluster.setInitiatorCommentReported(false);

        assertThat(client.json(commentedFields).path("records").findValues("comment")).isEmpty();
    }

    @Test
    void returnRecordsFalseOnlyCounts() {
        running.withSessions(9);

        JsonNode reply = client.json(SESSIONS + "?return_records=false");

        assertThat(fieldNames(reply)).containsExactly("num_records");
        assertThat(reply.path("num_records").asInt()).isEqualTo(9);
    }

    @Test
    void oneSessionComesWithAllFields() throws IOException {
        running.withSessions(4);
        String key = cluster.sessions().get(2).key().toString();

        JsonNode record = client.json(SESSIONS + "/" + key);
        SimulatorClient.Reply missing = client.reply(SESSIONS + "/" + key + "999");

        assertThat(RunningCluster.key(record)).isEqualTo(key);
        assertThat(fieldNames(record)).contains("isid", "initiator", "igroups", "connections");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("error").path("code").asText()).isEqualTo("4");
    }

    @Test
    void theClusterTellsItsIdentityAndVersion() {
        JsonNode reply = client.json("/api/cluster?fields=name,uuid,version");

        assertThat(reply.path("name").asText()).isEqualTo("cluster1");
        assertThat(reply.path("uuid").asText()).isEqualTo(cluster.uuid());
        assertThat(reply.path("version").path("full").asText()).startsWith("NetApp Release 9.15.1");
        assertThat(reply.path("version").path("generation").asInt()).isEqualTo(9);
        assertThat(reply.path("version").path("major").asInt()).isEqualTo(15);
        assertThat(reply.path("version").path("minor").asInt()).isEqualTo(1);
    }

    @Test
    void anUnknownApiIs404WithAnOntapErrorBody() throws IOException {
        SimulatorClient.Reply reply = client.reply("/api/storage/volumes");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().path("error").path("message").asText()).isNotEmpty();
    }

    @Test
    void writesAreNotAllowed() throws IOException {
        try (var response = client.call("POST", SESSIONS)) {
            assertThat(response.code()).isEqualTo(405);
        }
    }

    @Test
    void countsRequestsPerPathAndBytesServed() throws IOException {
        running.withSessions(10);
        long bytes = 0;
        bytes += client.reply(SESSIONS).body().length();
        bytes += client.reply(SESSIONS + "?fields=*").body().length();
        bytes += client.reply("/api/cluster").body().length();

        RequestStats stats = cluster.stats();

        assertThat(stats.totalRequests()).isEqualTo(3);
        assertThat(stats.requests(SESSIONS)).isEqualTo(2);
        assertThat(stats.requests("/api/cluster")).isEqualTo(1);
        assertThat(stats.bytesServed()).isEqualTo(bytes);
    }

    private static SessionKey sessionKey(String text) {
        String[] parts = text.split("/");
        return new SessionKey(parts[0], parts[1], Integer.parseInt(parts[2]));
    }
}
