package io.github.ontapkafka.iscsi.ontap;

import com.fasterxml.jackson.core.JsonFactory;
import io.github.ontapkafka.iscsi.model.Connection;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What NetApp's references show for releases 9.6 to 9.17 reads: numbers written as strings, fields a release lacks
 * or does not know, a {@code next} link to an empty page. One odd value is read as unknown and said, never fails a
 * cluster; only a record whose key cannot be read does.
 */
class ReleaseDifferencesTest {

    private static final String SVM = "a009a9e7-4081-b576-7575-ada21efcaf16";

    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SessionListing fetch(String... pages) throws Exception {
        for (String page : pages) {
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body(page).build());
        }
        OntapClient client = new OntapClient(ClusterUrl.parse(server.url("/").toString()), new OkHttpClient(),
                new BasicAuthentication("u", Secret.of("p")), SessionScope.ALL, new RequestPolicy(500, 0, Duration.ZERO), new JsonFactory());
        return client.fetchSessions();
    }

    @Test
    void numbersPrintedAsStringsAsThe991ReferenceShowsThemAreRead() throws Exception {
        // As the ONTAP 9.9.1 REST reference prints a session's connections.
        SessionListing listing = fetch("""
                {"records": [{"svm": {"uuid": "%s", "name": "vs1"}, "target_portal_group": "iscsi_lif1",
                  "target_portal_group_tag": "1027", "tsih": "12", "isid": "40:00:01:37:00:00",
                  "connections": [{"cid": "1", "authentication_type": "chap",
                    "initiator_address": {"address": "10.224.123.85", "port": "55432"},
                    "interface": {"name": "lif1", "uuid": "f0ab", "ip": {"address": "192.168.0.1", "port": "3260"}}}]}],
                 "num_records": 1}""".formatted(SVM));

        IscsiSession session = listing.session(0);

        assertThat(session.tsih()).isEqualTo(12);
        assertThat(session.targetPortalGroupTag()).isEqualTo(1027);
        Connection connection = session.connections().get(0);
        assertThat(connection.cid()).isEqualTo(1);
        assertThat(connection.initiatorAddress().port()).isEqualTo(55432);
        assertThat(connection.networkInterface().ip().port()).isEqualTo(3260);
        assertThat(listing.oddities()).isEmpty();
    }

    @Test
    void anOddValueIsReadAsUnknownAndSaidWhileTheRestOfTheRecordIsUsed() throws Exception {
        SessionListing listing = fetch("""
                {"records": [{"svm": {"uuid": "%s"}, "target_portal_group": "lif1", "tsih": 7, "isid": 42,
                  "initiator": "iqn.1994-05.com.redhat:host-a",
                  "connections": [{"cid": 1, "authentication_type": "chap",
                                   "initiator_address": {"address": "10.0.0.1", "port": true}},
                                  {"authentication_type": "none"},
                                  "not a connection"]}]}""".formatted(SVM));

        IscsiSession session = listing.session(0);

        assertThat(session.tsih()).isEqualTo(7);
        assertThat(session.isid()).isNull();
        assertThat(session.initiator()).isNull();
        assertThat(session.connections()).extracting(Connection::cid).containsExactly(1);
        assertThat(session.connections().get(0).initiatorAddress().address()).isEqualTo("10.0.0.1");
        assertThat(session.connections().get(0).initiatorAddress().port()).isNull();
        assertThat(listing.oddities()).containsExactly(
                "GET /api/protocols/san/iscsi/sessions page 1, records[0].isid: expected a string, got a number; "
                        + "read as unknown",
                "GET /api/protocols/san/iscsi/sessions page 1, records[0].initiator: expected an object, got a "
                        + "string; read as unknown",
                "GET /api/protocols/san/iscsi/sessions page 1, records[0].connections[0].initiator_address.port: "
                        + "expected an integer, got a boolean; read as unknown",
                "GET /api/protocols/san/iscsi/sessions page 1, records[0].connections[1]: no cid, which identifies "
                        + "a connection; the connection is left out",
                "GET /api/protocols/san/iscsi/sessions page 1, records[0].connections[2]: expected an object, got "
                        + "a string; read as unknown");
    }

    @Test
    void aKeyThatCannotBeReadStillFailsThePoll() throws Exception {
        SessionListing listing = fetch("""
                {"records": [{"svm": {"uuid": 17}, "target_portal_group": "lif1", "tsih": 7}]}""");

        assertThatThrownBy(() -> listing.session(0)).isInstanceOf(OntapException.class)
                .hasMessageContaining("records[0].svm.uuid: expected a string, got a number");
        assertThatThrownBy(() -> fetch("""
                {"records": [{"svm": {"uuid": "%s"}, "target_portal_group": "lif1", "tsih": "seven"}]}"""
                .formatted(SVM)).session(0))
                .hasMessageContaining("records[0].tsih: expected an integer, got a string that is not one: "
                        + "\"seven\"");
    }

    @Test
    void anAuthenticationTypeTheConnectorDoesNotKnowIsKeptAsOntapSentIt() throws Exception {
        SessionListing listing = fetch("""
                {"records": [{"svm": {"uuid": "%s"}, "target_portal_group": "lif1", "tsih": 7,
                  "connections": [{"cid": 1, "authentication_type": "kerberos_v9"}]}]}""".formatted(SVM));

        assertThat(listing.session(0).connections().get(0).authenticationType()).isEqualTo("kerberos_v9");
    }

    @Test
    void aNextLinkToAnEmptyPageWithoutNumRecordsEndsTheListing() throws Exception {
        SessionListing listing = fetch("""
                {"records": [{"svm": {"uuid": "%s"}, "target_portal_group": "lif1", "tsih": 7}],
                 "_links": {"next": {"href": "/api/protocols/san/iscsi/sessions?start.tsih=7"}}}""".formatted(SVM),
                "{\"records\": []}");

        assertThat(listing.size()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aReleaseWithoutTheInitiatorCommentOrWithUnknownFieldsReadsAsIs() throws Exception {
        SessionListing listing = fetch("""
                {"records": [{"svm": {"uuid": "%s"}, "target_portal_group": "lif1", "tsih": 7,
                  "initiator": {"name": "iqn.1994-05.com.redhat:host-a", "alias": "host-a"},
                  "protocol_added_in_9_17": {"x": [1, 2]}}]}""".formatted(SVM));

        assertThat(listing.session(0).initiator().comment()).isNull();
        assertThat(listing.session(0).initiator().alias()).isEqualTo("host-a");
        assertThat(listing.oddities()).isEmpty();
    }

    @Test
    void anIntegerBeyondItsRangeIsOddOrForAKeyFailsSayingSo() throws Exception {
        SessionListing listing = fetch("""
                {"records": [{"svm": {"uuid": "%s"}, "target_portal_group": "lif1", "tsih": 7,
                  "target_portal_group_tag": 4294967296}]}""".formatted(SVM));

        assertThat(listing.session(0).targetPortalGroupTag()).isNull();
        assertThat(listing.oddities()).containsExactly("GET /api/protocols/san/iscsi/sessions page 1, "
                + "records[0].target_portal_group_tag: expected an integer, got one out of range: 4294967296; "
                + "read as unknown");
        assertThatThrownBy(() -> fetch("""
                {"records": [{"svm": {"uuid": "%s"}, "target_portal_group": "lif1", "tsih": "99999999999999999999"}]}"""
                .formatted(SVM)).session(0))
                .hasMessageContaining("records[0].tsih: expected an integer, got a string that is not one");
    }
}
