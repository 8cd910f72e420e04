package io.github.ontapkafka.iscsi.ontap;

import okhttp3.Credentials;
import com.fasterxml.jackson.core.JsonFactory;
import io.github.ontapkafka.iscsi.model.ClusterNode;
import io.github.ontapkafka.iscsi.model.Connection;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.SessionKey;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.github.ontapkafka.iscsi.ontap.PageJson.page;
import static io.github.ontapkafka.iscsi.ontap.PageJson.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OntapClientTest {

    private static final String SVM = "a009a9e7-4081-b576-7575-ada21efcaf16";

    private MockWebServer server;
    private OkHttpClient http;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        http = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(500)).retryOnConnectionFailure(false).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private OntapClient client(String basePath, int retries) {
        return new OntapClient(ClusterUrl.parse(server.url(basePath).toString()), http,
                new BasicAuthentication("monitor", Secret.of("s3cret")), SessionScope.ALL, new RequestPolicy(500, retries, Duration.ofMillis(1)),
                new JsonFactory());
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void followsNextLinksWhateverThePageSizeAndAsksForTheFieldsItNeeds() throws Exception {
        // The first page ends early (return_timeout) with two records though 500 were asked for.
        server.enqueue(json(200, page(List.of(session(SVM, "lif1", 1), session(SVM, "lif1", 2)),
                "/api/protocols/san/iscsi/sessions?fields=x&max_records=500&start.tsih=2")));
        server.enqueue(json(200, page(List.of(session(SVM, "lif1", 3)), null)));

        Map<SessionKey, IscsiSession> sessions = client("/", 0).fetchSessions().toMap();

        assertThat(sessions).containsOnlyKeys(new SessionKey(SVM, "lif1", 1), new SessionKey(SVM, "lif1", 2),
                new SessionKey(SVM, "lif1", 3));
        RecordedRequest first = server.takeRequest();
        assertThat(first.getUrl().queryParameter("fields")).isEqualTo(OntapClient.SESSION_FIELDS);
        assertThat(first.getUrl().queryParameter("max_records")).isEqualTo("500");
        assertThat(first.getHeaders().get("Authorization")).isEqualTo(Credentials.basic("monitor", "s3cret"));
        assertThat(server.takeRequest().getTarget())
                .isEqualTo("/api/protocols/san/iscsi/sessions?fields=x&max_records=500&start.tsih=2");
    }

    @Test
    void parsesEveryFieldOfASession() throws Exception {
        server.enqueue(json(200, page(List.of(session(SVM, "lif1", 7)), null)));

        IscsiSession session = client("/", 0).fetchSessions().toMap().get(new SessionKey(SVM, "lif1", 7));

        assertThat(session.svm().name()).isEqualTo("svm1");
        assertThat(session.targetPortalGroupTag()).isEqualTo(1027);
        assertThat(session.isid()).isEqualTo("40:00:01:37:00:00");
        assertThat(session.initiator().name()).isEqualTo("iqn.1994-05.com.redhat:host7");
        assertThat(session.initiator().comment()).isEqualTo("rack 4");
        assertThat(session.igroups()).singleElement().satisfies(g -> assertThat(g.name()).isEqualTo("linux_hosts"));
        Connection connection = session.connections().get(0);
        assertThat(connection.cid()).isEqualTo(1);
        assertThat(connection.authenticationType()).isEqualTo("chap");
        assertThat(connection.initiatorAddress().address()).isEqualTo("192.0.2.7");
        assertThat(connection.initiatorAddress().port()).isEqualTo(43827);
        assertThat(connection.networkInterface().name()).isEqualTo("lif1");
        assertThat(connection.networkInterface().ip().port()).isEqualTo(3260);
    }

    @Test
    void resolvesClusterRelativeLinksBelowABasePath() throws Exception {
        server.enqueue(json(200, page(List.of(session(SVM, "lif1", 1)), "/api/protocols/san/iscsi/sessions?start.tsih=1")));
        server.enqueue(json(200, page(List.of(), null)));

        client("/clusters/c1", 0).fetchSessions().toMap();

        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/clusters/c1/api/protocols/san/iscsi/sessions");
        assertThat(server.takeRequest().getTarget()).isEqualTo("/clusters/c1/api/protocols/san/iscsi/sessions?start.tsih=1");
    }

    @Test
    void retriesRetryableStatusesThenSucceeds() throws Exception {
        server.enqueue(json(503, PageJson.error("busy", "1")));
        server.enqueue(json(429, PageJson.error("too many requests", "2")));
        server.enqueue(json(200, page(List.of(session(SVM, "lif1", 1)), null)));

        assertThat(client("/", 2).fetchSessions().toMap()).hasSize(1);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void retriesOnlyTheFailedPage() throws Exception {
        server.enqueue(json(200, page(List.of(session(SVM, "lif1", 1)), "/api/protocols/san/iscsi/sessions?start.tsih=1")));
        server.enqueue(json(502, PageJson.error("bad gateway", "3")));
        server.enqueue(json(200, page(List.of(session(SVM, "lif1", 2)), null)));

        assertThat(client("/", 1).fetchSessions().toMap()).hasSize(2);
        server.takeRequest();
        assertThat(server.takeRequest().getTarget()).isEqualTo(server.takeRequest().getTarget());
    }

    @Test
    void aServerErrorOnALaterPageFailsTheWholeFetchOnceRetriesAreExhausted() {
        server.enqueue(json(200, page(List.of(session(SVM, "lif1", 1)), "/api/protocols/san/iscsi/sessions?start.tsih=1")));
        server.enqueue(json(200, page(List.of(session(SVM, "lif1", 2)), "/api/protocols/san/iscsi/sessions?start.tsih=2")));
        server.enqueue(json(500, PageJson.error("entry doesn't exist", "4")));
        server.enqueue(json(500, PageJson.error("entry doesn't exist", "4")));

        assertThatThrownBy(() -> client("/", 1).fetchSessions().toMap())
                .isInstanceOfSatisfying(OntapException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.HTTP_ERROR);
                    assertThat(e.status()).isEqualTo(500);
                })
                .hasMessageContaining(server.url("/").toString().replaceAll("/$", ""))
                .hasMessageContaining("page 3")
                .hasMessageContaining("entry doesn't exist (code 4)");
    }

    @Test
    void unauthorizedWithAnHtmlBodyIsReportedWithoutRetry() {
        server.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "text/html")
                .body("<html><body>Unauthorized</body></html>").build());

        assertThatThrownBy(() -> client("/", 3).fetchSessions().toMap())
                .isInstanceOfSatisfying(OntapException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.UNAUTHORIZED))
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("non-JSON body (text/html)")
                .hasMessageNotContaining("s3cret");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void forbiddenCarriesOntapsMessage() {
        server.enqueue(json(403, PageJson.error("not authorized for that command", "6")));

        assertThatThrownBy(() -> client("/", 3).fetchSessions().toMap())
                .isInstanceOfSatisfying(OntapException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.FORBIDDEN))
                .hasMessageContaining("not authorized for that command");
    }

    @Test
    void malformedJsonIsABadResponse() {
        server.enqueue(json(200, "{\"records\":[{\"svm\":{\"uuid\":\"x\"},"));

        assertThatThrownBy(() -> client("/", 3).fetchSessions().toMap())
                .isInstanceOfSatisfying(OntapException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.BAD_RESPONSE))
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void anHtmlPageWithStatus200IsABadResponse() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html; charset=utf-8")
                .body("<html>maintenance</html>").build());

        assertThatThrownBy(() -> client("/", 3).fetchSessions().toMap())
                .isInstanceOfSatisfying(OntapException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.BAD_RESPONSE))
                .hasMessageContaining("expected JSON, got text/html");
    }

    @Test
    void aWrongTypeNamesThePathOfTheValue() {
        server.enqueue(json(200, "{\"records\":[{\"svm\":{\"uuid\":\"u\"},\"target_portal_group\":\"t\",\"tsih\":\"ten\"}]}"));

        assertThatThrownBy(() -> client("/", 0).fetchSessions().toMap())
                .hasMessageContaining("records[0].tsih: expected an integer, got a string");
    }

    @Test
    void aRecordWithoutItsKeyFailsThePage() {
        server.enqueue(json(200, "{\"records\":[{\"svm\":{\"uuid\":\"u\"},\"tsih\":3}]}"));

        assertThatThrownBy(() -> client("/", 0).fetchSessions().toMap())
                .hasMessageContaining("records[0]: missing key field target_portal_group");
    }

    @Test
    void aNextLinkBackToAPageAlreadyReadFailsInsteadOfLooping() {
        String self = "/api/protocols/san/iscsi/sessions?start.tsih=1";
        server.enqueue(json(200, page(List.of(session(SVM, "lif1", 1)), self)));
        server.enqueue(json(200, page(List.of(session(SVM, "lif1", 2)), self)));

        assertThatThrownBy(() -> client("/", 0).fetchSessions().toMap())
                .hasMessageContaining("leads back to a page already read");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aNextLinkToAnotherHostIsNotFollowed() {
        server.enqueue(json(200, page(List.of(), "https://elsewhere.example.com/api/protocols/san/iscsi/sessions")));

        assertThatThrownBy(() -> client("/", 0).fetchSessions().toMap())
                .hasMessageContaining("refusing to follow a link to another host");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void theSameSessionTwiceIsABadResponse() {
        server.enqueue(json(200, page(List.of(session(SVM, "lif1", 1), session(SVM, "lif1", 1)), null)));

        assertThatThrownBy(() -> client("/", 0).fetchSessions().toMap()).hasMessageContaining("is listed twice");
    }

    @Test
    void aSilentServerTimesOut() {
        server.enqueue(new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS).body("{}").build());

        assertThatThrownBy(() -> client("/", 0).fetchSessions().toMap())
                .isInstanceOfSatisfying(OntapException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT));
    }

    @Test
    void aConnectionDroppedMidResponseIsRetried() throws Exception {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(json(200, page(List.of(session(SVM, "lif1", 1)), null)));

        assertThat(client("/", 1).fetchSessions().toMap()).hasSize(1);
    }

    @Test
    void aClusterNobodyListensAtIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        OntapClient client = new OntapClient(ClusterUrl.parse("http://127.0.0.1:" + closedPort), http,
                new BasicAuthentication("u", Secret.of("p")), SessionScope.ALL, new RequestPolicy(500, 0, Duration.ZERO), new JsonFactory());

        assertThatThrownBy(() -> client.fetchSessions().toMap())
                .isInstanceOfSatisfying(OntapException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.UNREACHABLE))
                .hasMessageContaining("127.0.0.1:" + closedPort);
    }

    @Test
    void readsTheClusterIdentity() throws Exception {
        server.enqueue(json(200, "{\"name\":\"cluster1\",\"uuid\":\"4ea7a442-86d1-11e0-ae1c-123478563412\","
                + "\"version\":{\"full\":\"NetApp Release 9.15.1\",\"generation\":9,\"major\":15,\"minor\":1}}"));

        var identity = client("/", 0).fetchIdentity();

        assertThat(identity.name()).isEqualTo("cluster1");
        assertThat(identity.uuid()).isEqualTo("4ea7a442-86d1-11e0-ae1c-123478563412");
    }

    @Test
    void aClusterWithoutUuidIsABadResponse() {
        server.enqueue(json(200, "{\"name\":\"cluster1\"}"));

        assertThatThrownBy(() -> client("/", 0).fetchIdentity()).hasMessageContaining("cluster: missing uuid");
    }

    @Test
    void readsTheNodesOfEveryPage() throws Exception {
        String node1 = "6c8c4e0a-8d39-11ee-a6a6-005056bb1234";
        String node2 = "7d9d5f1b-8d39-11ee-b7b7-005056bb5678";
        server.enqueue(json(200, page(List.of("{\"uuid\":\"" + node1 + "\",\"name\":\"cluster1-01\",\"_links\":{}}"),
                "/api/cluster/nodes?fields=uuid,name&max_records=500&start.name=cluster1-01")));
        server.enqueue(json(200, page(List.of("{\"uuid\":\"" + node2 + "\"}"), null)));

        List<ClusterNode> nodes = client("/", 0).fetchNodes();

        assertThat(nodes).containsExactly(new ClusterNode(node1, "cluster1-01"), new ClusterNode(node2, null));
        RecordedRequest first = server.takeRequest();
        assertThat(first.getUrl().encodedPath()).isEqualTo("/api/cluster/nodes");
        assertThat(first.getUrl().queryParameter("fields")).isEqualTo("uuid,name");
        assertThat(first.getUrl().queryParameter("max_records")).isEqualTo("500");
        assertThat(server.takeRequest().getTarget())
                .isEqualTo("/api/cluster/nodes?fields=uuid,name&max_records=500&start.name=cluster1-01");
    }

    @Test
    void aNodeWithoutItsUuidIsABadResponse() {
        server.enqueue(json(200, page(List.of("{\"name\":\"cluster1-01\"}"), null)));

        assertThatThrownBy(() -> client("/", 0).fetchNodes())
                .isInstanceOfSatisfying(OntapException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.BAD_RESPONSE))
                .hasMessageContaining("GET /api/cluster/nodes page 1: records[0]: missing key field uuid");
    }
}
