package io.github.ontapkafka.iscsi.simulator;

import io.github.ontapkafka.iscsi.fixtures.ManualClock;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class EmsEventsEndpointTest {

    private static final String EVENTS = "/api/support/ems/events";
    private static final String INITIATOR = "iqn.1998-01.com.vmware:esx-01-0a1b2c3d";

    private final RunningCluster running = new RunningCluster();
    private final SimulatedCluster cluster = running.cluster;
    private final SimulatorClient client = running.client;
    private final ManualClock clock = new ManualClock("2026-11-30T08:00:00Z");
    private final SimulatedNode first;
    private final SimulatedNode second;

    EmsEventsEndpointTest() {
        cluster.setClock(clock);
        first = cluster.nodes().get(0);
        second = cluster.nodes().get(1);
    }

    @AfterEach
    void stop() {
        running.close();
    }

    /**
     * One event a second from 08:00:00: cluster1-01 logs noise #1-2, a refused login #3, noise #4, a failed login #5;
     * cluster1-02 logs noise #1, a refused login #2, a missing login #3, in between.
     */
    private void logHistory() {
        at(cluster -> cluster.logNoise(first, 2));
        at(cluster -> cluster.logNoise(second, 1));
        at(cluster -> cluster.logLoginRefused(first, INITIATOR, "svm_prod_01", "iscsi_lif_a1", "203.0.113.77"));
        at(cluster -> cluster.logLoginRefused(second, INITIATOR, "svm_prod_01", "iscsi_lif_b1", "203.0.113.78"));
        at(cluster -> cluster.logNoise(first, 1));
        at(cluster -> cluster.logInitiatorLoginMissing(second, INITIATOR, "svm_prod_01", "", "svm-uuid-1"));
        at(cluster -> cluster.logLoginFailure(first, "Authentication failed"));
    }

    private void at(Consumer<SimulatedCluster> logging) {
        logging.accept(cluster);
        clock.advance(Duration.ofSeconds(1));
    }

    @Test
    void servesARecordInOntapsShape() {
        logHistory();

        JsonNode record = client.json(EVENTS + "?fields=*&message.name=iscsi.loginIpNotAuthorized&node.name="
                + first.name()).path("records").get(0);

        assertThat(record.path("node").path("name").asText()).isEqualTo("cluster1-01");
        assertThat(record.path("node").path("uuid").asText()).isEqualTo(first.uuid());
        assertThat(record.path("index").asLong()).isEqualTo(3);
        assertThat(record.path("time").asText()).isEqualTo("2026-11-30T08:00:02+00:00");
        assertThat(record.path("message").path("name").asText()).isEqualTo("iscsi.loginIpNotAuthorized");
        assertThat(record.path("message").path("severity").asText()).isEqualTo("notice");
        assertThat(record.path("log_message").asText()).isEqualTo("iscsi.loginIpNotAuthorized: iSCSI login "
                + "authorization failure. Initiator " + INITIATOR + " attempted to log in on Vserver svm_prod_01, LIF "
                + "iscsi_lif_a1 from IP address 203.0.113.77");
        assertThat(record.path("parameters").get(3).path("name").asText()).isEqualTo("initiator_ip_address");
        assertThat(record.path("parameters").get(3).path("value").isTextual()).isTrue();
        assertThat(record.path("source").asText()).isEqualTo("iscsi");
        assertThat(record.has("_links")).isFalse();
    }

    @Test
    void timesCarryTheClocksOffsetAndHalLinksNameNodeAndIndex() {
        cluster.setClock(new ManualClock(Instant.parse("2026-11-30T08:01:02Z"), ZoneId.of("America/New_York")));
        cluster.logLoginFailure(second, "Authentication failed");

        JsonNode record = client.accepting("application/hal+json").json(EVENTS).path("records").get(0);

        assertThat(record.path("time").asText()).isEqualTo("2026-11-30T03:01:02-05:00");
        assertThat(record.path("_links").path("self").path("href").asText())
                .isEqualTo(EVENTS + "/cluster1-02/1");
    }

    @Test
    void returnsTheKeysTimeAndLogMessageByDefault() {
        logHistory();

        JsonNode record = client.json(EVENTS).path("records").get(0);

        assertThat(RunningCluster.fieldNames(record)).containsExactly("node", "index", "time", "log_message");
    }

    @Test
    void servesNewestFirstUnlessToldAndInterleavesTheNodes() {
        logHistory();

        assertThat(events(EVENTS)).containsExactly("01#5", "02#3", "01#4", "02#2", "01#3", "02#1", "01#2", "01#1");
        assertThat(events(EVENTS + "?order_by=time%20asc")).startsWith("01#1", "01#2", "02#1", "01#3");
        assertThat(events(EVENTS + "?order_by=index%20desc&node.name=cluster1-02")).containsExactly("02#3", "02#2",
                "02#1");
        assertThat(events(EVENTS + "?order_by=index")).startsWith("01#1", "02#1", "01#2", "02#2");
    }

    @Test
    void filtersByMessageNameWithWildcardsAndAlternatives() {
        logHistory();

        assertThat(events(EVENTS + "?order_by=time%20asc&message.name=" + encode("iscsi.*")))
                .containsExactly("01#3", "02#2", "01#5");
        assertThat(events(EVENTS + "?order_by=time%20asc&message.name="
                + encode("iscsi.loginFailure|san.initiator.*"))).containsExactly("02#3", "01#5");
        assertThat(events(EVENTS + "?message.name=" + encode("!iscsi.*|san.*") + "&node.name=cluster1-02"))
                .containsExactly("02#3", "02#1");
    }

    @Test
    void anExactMessageNameTheCatalogueLacksIsRefusedButAWildcardIsNot() throws IOException {
        logHistory();

        SimulatorClient.Reply unknown = client.reply(EVENTS + "?message.name=iscsi.nothing");
        SimulatorClient.Reply amongOthers = client.reply(EVENTS + "?message.name=" + encode("iscsi.*|iscsi.nothing"));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("error").path("target").asText()).isEqualTo("message.name");
        assertThat(amongOthers.status()).isEqualTo(400);
        assertThat(client.reply(EVENTS + "?message.name=" + encode("iscsi.*") + "&message.name=iscsi.nothing")
                .status()).isEqualTo(400);
        assertThat(client.json(EVENTS + "?message.name=" + encode("iscsi.nothing*")).path("num_records").asInt())
                .isZero();
    }

    @Test
    void aReleaseWithoutTheMessageRefusesItsExactNameButServesTheWildcard() throws IOException {
        logHistory();
        cluster.removeFromCatalogue("iscsi.loginIpNotAuthorized");

        assertThat(client.reply(EVENTS + "?message.name=iscsi.loginIpNotAuthorized").status()).isEqualTo(400);
        assertThat(events(EVENTS + "?message.name=" + encode("iscsi.*"))).hasSize(3);
        assertThat(client.reply(EVENTS + "?message.name=iscsi.loginFailure").status()).isEqualTo(200);
    }

    @Test
    void filtersByNodeIndexAndTime() {
        logHistory();

        assertThat(events(EVENTS + "?node.uuid=" + second.uuid())).containsExactly("02#3", "02#2", "02#1");
        assertThat(events(EVENTS + "?node.name=cluster1-01&index=" + encode(">3"))).containsExactly("01#5", "01#4");
        assertThat(events(EVENTS + "?order_by=time%20asc&time="
                + encode("2026-11-30T08:00:02+00:00..2026-11-30T08:00:04+00:00")))
                .containsExactly("01#3", "02#2", "01#4");
        assertThat(events(EVENTS + "?time=" + encode(">=2026-11-30T03:00:05-05:00"))).containsExactly("01#5", "02#3");
        long epoch = Instant.parse("2026-11-30T08:00:06Z").getEpochSecond();
        assertThat(events(EVENTS + "?time=" + encode(">=" + epoch))).containsExactly("01#5");
    }

    @Test
    void filtersBySeverityTextSourceAndParameters() {
        logHistory();

        assertThat(events(EVENTS + "?message.severity=error")).containsExactly("02#1", "01#1");
        assertThat(events(EVENTS + "?log_message=" + encode("*203.0.113.78*"))).containsExactly("02#2");
        assertThat(events(EVENTS + "?source=san")).containsExactly("02#3");
        assertThat(events(EVENTS + "?parameters.name=lif&parameters.value=iscsi_lif_a1")).containsExactly("01#3");
    }

    @Test
    void leavesDebugEventsOutUnlessASeverityIsAskedFor() {
        logHistory();
        cluster.logEvent(second, "secd.conn.auth.debug", "debug");

        assertThat(events(EVENTS + "?node.name=cluster1-02")).containsExactly("02#3", "02#2", "02#1");
        assertThat(events(EVENTS + "?node.name=cluster1-02&message.severity=debug")).containsExactly("02#4");
        assertThat(events(EVENTS + "?node.name=cluster1-02&message.severity=*")).hasSize(4);
    }

    @Test
    void pagesCarryTheFilterAndTheOrder() {
        logHistory();
        for (int i = 0; i < 3; i++) {
            at(cluster -> cluster.logLoginFailure(first, "attempt " + clock.instant()));
            at(cluster -> cluster.logNoise(first, 1));
        }

        List<JsonNode> pages = client.walk(EVENTS + "?node.name=cluster1-01&message.name=" + encode("iscsi.*")
                + "&order_by=" + encode("index asc") + "&max_records=2&fields=message");

        assertThat(pages).hasSize(3);
        assertThat(keys(pages)).containsExactly("01#3", "01#5", "01#6", "01#8", "01#10");
        assertThat(pages.get(0).path("_links").path("next").path("href").asText()).startsWith(EVENTS + "?")
                .contains("message.name=iscsi.*", "order_by=index%20asc", "max_records=2", "start.index=5",
                        "start.node.name=cluster1-01", "start.keytime=2026-11-30T08:00:06%2B00:00");
        pages.forEach(page -> page.path("records").forEach(record ->
                assertThat(record.path("message").path("name").asText()).startsWith("iscsi.")));
    }

    @Test
    void aClientBehindTheOldestHeldEventSeesAGap() {
        for (int i = 0; i < 6; i++) {
            at(cluster -> cluster.logLoginFailure(first, "attempt " + clock.instant()));
        }
        JsonNode firstPage = client.json(EVENTS + "?order_by=index%20asc&max_records=2");

        cluster.setEmsRetention(2);

        assertThat(keys(List.of(firstPage))).containsExactly("01#1", "01#2");
        assertThat(keys(client.walk(firstPage.path("_links").path("next").path("href").asText())))
                .containsExactly("01#5", "01#6");
        assertThat(events(EVENTS + "?node.name=cluster1-01&index=" + encode(">=1"))).containsExactly("01#6", "01#5");
    }

    @Test
    void countsWithoutRecords() {
        logHistory();

        JsonNode count = client.json(EVENTS + "?return_records=false&message.name=" + encode("iscsi.*"));

        assertThat(count.path("num_records").asInt()).isEqualTo(3);
        assertThat(count.has("records")).isFalse();
    }

    @Test
    void refusesWhatOntapRefuses() throws IOException {
        SimulatorClient.Reply unexpected = client.reply(EVENTS + "?colour=blue");

        assertThat(unexpected.status()).isEqualTo(400);
        assertThat(unexpected.json().path("error").path("message").asText()).contains("Unexpected argument");
        assertThat(client.reply(EVENTS + "?order_by=colour").status()).isEqualTo(400);
        assertThat(client.reply(EVENTS + "?time=" + encode(">yesterday")).status()).isEqualTo(400);
        assertThat(client.reply(EVENTS + "?fields=colour").status()).isEqualTo(400);
        assertThat(client.reply(EVENTS + "?max_records=0").status()).isEqualTo(400);
        assertThat(client.reply(EVENTS + "?start.index=3").status()).isEqualTo(400);
    }

    /** Every record of a walk as {@code <node number>#<index>}. */
    private List<String> events(String firstPage) {
        return keys(client.walk(firstPage));
    }

    private static List<String> keys(List<JsonNode> pages) {
        List<String> keys = new ArrayList<>();
        pages.forEach(page -> page.path("records").forEach(record -> {
            String node = record.path("node").path("name").asText();
            keys.add(node.substring(node.length() - 2) + "#" + record.path("index").asLong());
        }));
        return keys;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
