package io.github.ontapkafka.iscsi.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ontapkafka.iscsi.model.Connection;
import io.github.ontapkafka.iscsi.model.Igroup;
import io.github.ontapkafka.iscsi.model.Initiator;
import io.github.ontapkafka.iscsi.model.IpEndpoint;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.NetworkInterface;
import io.github.ontapkafka.iscsi.model.Svm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SessionFilterTest {

    private static final String SESSIONS = "/api/protocols/san/iscsi/sessions";
    private static final String VMWARE = "iqn.1998-01.com.vmware:esx";
    private static final String WINDOWS = "iqn.1991-05.com.microsoft:win";
    private static final String LINUX = "iqn.1994-05.com.redhat:rhel";

    private final RunningCluster running = new RunningCluster();
    private final SimulatorClient client = running.client;

    @BeforeEach
    void login() {
        running.cluster.login(session("prod_a", 1, VMWARE + "01", List.of("esx_hosts"), 0));
        running.cluster.login(session("prod_b", 2, WINDOWS + "02", List.of("win_hosts", "backup"), 0, 1));
        running.cluster.login(session("test_a", 3, LINUX + "03", List.of(), 0, 1, 2));
        running.cluster.login(session("PROD_C", 4, VMWARE + "04", List.of("esx_hosts"), 3));
        running.cluster.login(session("dev", 5, LINUX + "05", List.of("backup"), 0));
    }

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void aWildcardMatchesAnyCharactersIgnoringCase() {
        assertThat(tsihs("svm.name=prod_*")).containsExactly(1, 2, 4);
        assertThat(tsihs("svm.name=*A")).containsExactly(1, 3);
    }

    @Test
    void aPlainValueMatchesTheWholeValueIgnoringCase() {
        assertThat(tsihs("svm.name=prod_c")).containsExactly(4);
        assertThat(tsihs("svm.name=prod")).isEmpty();
    }

    @Test
    void alternativesMatchAnyOfThem() {
        assertThat(tsihs("initiator.name=" + VMWARE + "*|" + WINDOWS + "*")).containsExactly(1, 2, 4);
    }

    @Test
    void anExclamationMarkNegatesATerm() {
        assertThat(tsihs("svm.name=!prod_*")).containsExactly(3, 5);
    }

    @Test
    void numbersCompareAsNumbersAndRangesIncludeTheirEnds() {
        assertThat(tsihs("tsih=>3")).containsExactly(4, 5);
        assertThat(tsihs("tsih=<=2")).containsExactly(1, 2);
        assertThat(tsihs("tsih=2..4")).containsExactly(2, 3, 4);
        assertThat(tsihs("target_portal_group_tag=>=1003")).containsExactly(3, 4, 5);
    }

    @Test
    void aFieldInsideAnArrayMatchesWhenAnyElementDoes() {
        assertThat(tsihs("igroups.name=backup")).containsExactly(2, 5);
        assertThat(tsihs("connections.cid=2|3")).containsExactly(3, 4);
        assertThat(tsihs("connections.initiator_address.address=10.0.0.2")).containsExactly(3);
    }

    @Test
    void severalFiltersMustAllMatch() {
        assertThat(tsihs("svm.name=prod_*&initiator.name=" + VMWARE + "*")).containsExactly(1, 4);
    }

    @Test
    void anUnknownFieldIsAnUnexpectedArgument() throws IOException {
        SimulatorClient.Reply reply = client.reply(SESSIONS + "?svm.colour=blue");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").path("message").asText()).contains("Unexpected argument");
        assertThat(reply.json().path("error").path("target").asText()).isEqualTo("svm.colour");
    }

    @Test
    void everyPageIsFilteredAndTheNextLinkCarriesTheFilter() {
        IntStream.rangeClosed(10, 29).forEach(tsih -> running.cluster.login(
                session(tsih % 2 == 0 ? "prod_even" : "odd", tsih, VMWARE + tsih, List.of(), 0)));

        List<JsonNode> pages = client.walk(SESSIONS + "?svm.name=" + encode("prod_*") + "&max_records=2");

        assertThat(RunningCluster.keys(pages)).hasSize(13);
        assertThat(pages).hasSize(7).allSatisfy(page -> {
            page.path("records").forEach(record -> assertThat(record.path("svm").path("name").asText())
                    .startsWithIgnoringCase("prod_"));
            if (page.path("_links").has("next")) {
                assertThat(page.path("_links").path("next").path("href").asText()).contains("svm.name=prod_*");
            }
        });
    }

    @Test
    void aCountOnlyRequestCountsTheSessionsThatPass() {
        JsonNode count = client.json(SESSIONS + "?return_records=false&svm.name=" + encode("prod_*"));

        assertThat(count.path("num_records").asInt()).isEqualTo(3);
    }

    private List<Integer> tsihs(String filters) {
        String query = String.join("&", Arrays.stream(filters.split("&")).map(filter -> {
            int equals = filter.indexOf('=');
            return filter.substring(0, equals) + "=" + encode(filter.substring(equals + 1));
        }).toList());
        List<Integer> found = new ArrayList<>();
        client.walk(SESSIONS + "?" + query).forEach(page ->
                page.path("records").forEach(record -> found.add(record.path("tsih").asInt())));
        return found;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A session of SVM {@code svmName} whose connection {@code cid} comes from 10.0.0.{cid} to a LIF. */
    private static IscsiSession session(String svmName, int tsih, String initiator, List<String> igroups,
                                        int... cids) {
        List<Connection> connections = Arrays.stream(cids).mapToObj(cid -> new Connection(cid, "none",
                new IpEndpoint("10.0.0." + cid, 50000 + cid),
                new NetworkInterface("lif-uuid-" + cid, "lif" + cid, new IpEndpoint("192.168.0.1", 3260)))).toList();
        return new IscsiSession(new Svm("svm-uuid-" + tsih, svmName), "tpg" + tsih, 1000 + tsih, tsih,
                "40:00:01:37:00:0" + tsih, new Initiator(initiator, "alias", null),
                igroups.stream().map(name -> new Igroup("igroup-uuid-" + name, name)).toList(), connections);
    }
}
