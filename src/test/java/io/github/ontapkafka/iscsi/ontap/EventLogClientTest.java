package io.github.ontapkafka.iscsi.ontap;

import com.fasterxml.jackson.core.JsonFactory;
import io.github.ontapkafka.iscsi.model.EmsEvent;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import static io.github.ontapkafka.iscsi.ontap.EmsJson.NODE;
import static io.github.ontapkafka.iscsi.ontap.EmsJson.OTHER_NODE;
import static io.github.ontapkafka.iscsi.ontap.EmsJson.loginRejected;
import static io.github.ontapkafka.iscsi.ontap.PageJson.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading a node's event log after a cursor, and its oldest index: every page or an exception, never a part, since a
 * cursor moved past events not read would lose them.
 */
class EventLogClientTest {

    private static final String LOGIN_MESSAGES = "iscsi.loginIpNotAuthorized|iscsi.loginFailure"
            + "|san.initiator.login.missing|san.initiator.login|san.initiator.login.not.req";
    private static final String EVENTS = "/api/support/ems/events";

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

    private OntapClient client(int retries) {
        return new OntapClient(ClusterUrl.parse(server.url("/").toString()), new OkHttpClient(),
                new BasicAuthentication("monitor", Secret.of("s3cret")), SessionScope.ALL,
                new RequestPolicy(2, retries, Duration.ofMillis(1)), new JsonFactory());
    }

    private void answer(String... pages) {
        for (String page : pages) {
            server.enqueue(json(200, page));
        }
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static String next(long index) {
        return EVENTS + "?start.keytime=2026-11-30T08%3A01%3A02%2B01%3A00&start.node.name=cluster1-01&start.index="
                + index;
    }

    private EmsListing fetchLogins(long afterIndex) throws Exception {
        return client(0).fetchEmsEvents(NODE, afterIndex, LOGIN_MESSAGES);
    }

    @Test
    void readsOnePageOfEvents() throws Exception {
        answer(page(List.of(loginRejected(42), loginRejected(45)), null));

        EmsListing listing = fetchLogins(41);

        assertThat(listing.events()).extracting(EmsEvent::index).containsExactly(42L, 45L);
        assertThat(listing.events().get(0).parameter("initiator_name")).isEqualTo("iqn.1994-05.com.redhat:host7");
        assertThat(listing.nodeUuid()).isEqualTo(NODE);
        assertThat(listing.cursor()).isEqualTo(45);
        assertThat(listing.oddities()).isEmpty();
    }

    @Test
    void followsEveryNextLinkAndReturnsTheEventsOfAllPagesInIndexOrder() throws Exception {
        answer(page(List.of(loginRejected(42), loginRejected(45)), next(45)),
                page(List.of(loginRejected(50), loginRejected(51)), next(51)),
                page(List.of(loginRejected(60)), null));

        EmsListing listing = fetchLogins(41);

        assertThat(listing.events()).extracting(EmsEvent::index).containsExactly(42L, 45L, 50L, 51L, 60L);
        assertThat(server.getRequestCount()).isEqualTo(3);
        server.takeRequest();
        assertThat(server.takeRequest().getTarget()).isEqualTo(next(45));
        assertThat(server.takeRequest().getTarget()).isEqualTo(next(51));
    }

    @Test
    void asksForTheNodesLoginEventsAfterTheCursorOldestFirstWithEveryValueEncoded() throws Exception {
        answer(page(List.of(), null));

        client(0).fetchEmsEvents(NODE, 41, "iscsi.*|san.initiator.login*");

        RecordedRequest request = server.takeRequest();
        HttpUrl url = request.getUrl();
        assertThat(url.encodedPath()).isEqualTo(EVENTS);
        assertThat(url.queryParameter("node.uuid")).isEqualTo(NODE);
        assertThat(url.queryParameter("index")).isEqualTo(">41");
        assertThat(url.queryParameter("message.name")).isEqualTo("iscsi.*|san.initiator.login*");
        assertThat(url.queryParameter("order_by")).isEqualTo("index asc");
        assertThat(url.queryParameter("fields")).isEqualTo("index,time,message,log_message,parameters,node,source");
        assertThat(url.queryParameter("max_records")).isEqualTo("2");
        assertThat(url.encodedQuery()).contains("index=%3E41", "message.name=iscsi.*%7Csan.initiator.login*",
                "order_by=index%20asc");
        assertThat(request.getHeaders().get("Authorization")).startsWith("Basic ");
    }

    @Test
    void aNegativeCursorAsksForEveryEventTheNodeHolds() throws Exception {
        answer(page(List.of(loginRejected(3)), null));

        EmsListing listing = fetchLogins(-1);

        assertThat(server.takeRequest().getUrl().queryParameterNames()).doesNotContain("index");
        assertThat(listing.events()).extracting(EmsEvent::index).containsExactly(3L);
    }

    @Test
    void anEventAtOrBeforeTheCursorIsLeftOutAndSaid() throws Exception {
        answer(page(List.of(loginRejected(40), loginRejected(41), loginRejected(42)), null));

        EmsListing listing = fetchLogins(41);

        assertThat(listing.events()).extracting(EmsEvent::index).containsExactly(42L);
        assertThat(listing.oddities()).containsExactly(
                "GET " + EVENTS + " of node " + NODE + " page 1, records[0]: index 40 is not after the cursor 41; "
                        + "left out as already read",
                "GET " + EVENTS + " of node " + NODE + " page 1, records[1]: index 41 is not after the cursor 41; "
                        + "left out as already read");
    }

    @Test
    void anEmptyAnswerLeavesTheCursorWhereItWas() throws Exception {
        answer("{\"records\":[],\"num_records\":0,\"_links\":{\"self\":{\"href\":\"" + EVENTS + "\"}}}");

        EmsListing listing = fetchLogins(41);

        assertThat(listing.events()).isEmpty();
        assertThat(listing.cursor()).isEqualTo(41);
    }

    @Test
    void pagesOutOfOrderOrRepeatingAnEventStillGiveEachEventOnceInIndexOrder() throws Exception {
        answer(page(List.of(loginRejected(50), loginRejected(45)), next(45)),
                page(List.of(loginRejected(45), loginRejected(42)), null));

        EmsListing listing = fetchLogins(41);

        assertThat(listing.events()).extracting(EmsEvent::index).containsExactly(42L, 45L, 50L);
        assertThat(listing.cursor()).isEqualTo(50);
        assertThat(listing.oddities()).containsExactly("GET " + EVENTS + " of node " + NODE
                + " page 2, records[0]: index 45 is listed twice; the first is kept");
    }

    @Test
    void oddValuesAreReadAsUnknownAndSaidWithTheirPage() throws Exception {
        answer(page(List.of(loginRejected(42)), next(42)), """
                {"records":[{"node":{"uuid":"%s"},"index":"43","time":1764486062,
                  "parameters":[{"name":"m","value":7}],"added_in_a_later_release":true}]}""".formatted(NODE));

        EmsListing listing = fetchLogins(41);

        assertThat(listing.events()).extracting(EmsEvent::index).containsExactly(42L, 43L);
        EmsEvent odd = listing.events().get(1);
        assertThat(odd.time()).isNull();
        assertThat(odd.parameter("m")).isEqualTo("7");
        assertThat(listing.oddities()).containsExactly("GET " + EVENTS + " of node " + NODE
                + " page 2, records[0].time: expected a string, got a number; read as unknown");
    }

    @Test
    void anEventWithoutItsIndexFailsTheWalk() {
        answer(page(List.of("{\"node\":{\"uuid\":\"" + NODE + "\"},\"time\":\"2026-11-30T08:01:02Z\"}"), null));

        assertThatThrownBy(() -> fetchLogins(41))
                .isInstanceOfSatisfying(OntapException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.BAD_RESPONSE))
                .hasMessageContaining(server.url("/").toString().replaceAll("/$", ""))
                .hasMessageContaining("GET " + EVENTS + " of node " + NODE + " page 1: records[0]: missing key field index");
    }

    @Test
    void aMalformedSecondPageFailsTheWholeWalk() {
        answer(page(List.of(loginRejected(42), loginRejected(45)), next(45)),
                "{\"records\":[" + loginRejected(50) + ",");

        assertThatThrownBy(() -> fetchLogins(41))
                .isInstanceOfSatisfying(OntapException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.BAD_RESPONSE))
                .hasMessageContaining("GET " + EVENTS + " of node " + NODE + " page 2: not valid JSON");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aSecondPageWithoutRecordsFailsTheWholeWalk() {
        answer(page(List.of(loginRejected(42)), next(42)), "{\"num_records\":0}");

        assertThatThrownBy(() -> fetchLogins(41)).hasMessageContaining("page 2: response: no 'records' array");
    }

    @Test
    void anEventOfAnotherNodeFailsTheWalk() {
        answer(page(List.of(loginRejected(42), EmsJson.event(OTHER_NODE, 43)), null));

        assertThatThrownBy(() -> fetchLogins(41))
                .isInstanceOfSatisfying(OntapException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.BAD_RESPONSE))
                .hasMessageContaining("page 1: records[1]: an event of node " + OTHER_NODE + " in the event log of node "
                        + NODE + "; ONTAP did not apply the node filter");
    }

    @Test
    void aMessageNameTheReleaseLacksComesBackAsHttpErrorWithOntapsTextAndWhatToDo() {
        server.enqueue(json(400, PageJson.error(
                "The value \\\"san.initiator.login.not.req\\\" is invalid for field \\\"message.name\\\"", "262179")));

        assertThatThrownBy(() -> client(2).fetchEmsEvents(NODE, 41, LOGIN_MESSAGES))
                .isInstanceOfSatisfying(OntapException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.HTTP_ERROR);
                    assertThat(e.status()).isEqualTo(400);
                })
                .hasMessageContaining("HTTP 400, The value \"san.initiator.login.not.req\" is invalid for field "
                        + "\"message.name\" (code 262179)")
                .hasMessageContaining("drop that name from '" + LOGIN_MESSAGES + "' or match it with a wildcard");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anotherErrorIsReportedWithoutTheAdviceOnMessageNames() {
        server.enqueue(json(403, PageJson.error("not authorized for that command", "6")));

        assertThatThrownBy(() -> fetchLogins(41))
                .isInstanceOfSatisfying(OntapException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.FORBIDDEN))
                .hasMessageContaining("not authorized for that command")
                .hasMessageNotContaining("wildcard");
    }

    @Test
    void aNextLinkToAnotherHostIsNotFollowed() {
        answer(page(List.of(loginRejected(42)), "https://elsewhere.example.com" + next(42)));

        assertThatThrownBy(() -> fetchLogins(41)).hasMessageContaining("refusing to follow a link to another host");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void eventRequestsAreCountedLikeAnyOther() throws Exception {
        String first = page(List.of(loginRejected(42)), next(42));
        String second = page(List.of(loginRejected(43)), null);
        answer(first, second);
        OntapClient client = client(0);

        client.fetchEmsEvents(NODE, 41, LOGIN_MESSAGES);

        assertThat(client.requestsSent()).isEqualTo(2);
        assertThat(client.bytesReceived()).isEqualTo(first.getBytes(StandardCharsets.UTF_8).length
                + second.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void theOldestIndexIsAskedOfEveryMessageAndRead() throws Exception {
        answer("{\"records\":[{\"index\":\"1207\"}],\"num_records\":1,"
                + "\"_links\":{\"next\":{\"href\":\"" + EVENTS + "?start.index=1207\"}}}");

        OptionalLong oldest = client(0).oldestEmsIndex(NODE);

        assertThat(oldest).hasValue(1207);
        assertThat(server.getRequestCount()).isEqualTo(1);
        HttpUrl url = server.takeRequest().getUrl();
        assertThat(url.queryParameter("node.uuid")).isEqualTo(NODE);
        assertThat(url.queryParameter("fields")).isEqualTo("index");
        assertThat(url.queryParameter("order_by")).isEqualTo("index asc");
        assertThat(url.queryParameter("max_records")).isEqualTo("1");
        assertThat(url.queryParameterNames()).doesNotContain("message.name", "index");
    }

    @Test
    void aNodeHoldingNoEventsHasNoOldestIndex() throws Exception {
        answer("{\"records\":[],\"num_records\":0}");

        assertThat(client(0).oldestEmsIndex(NODE)).isEmpty();
    }

    @Test
    void anOldestEventWithoutAnIndexIsABadResponse() {
        answer("{\"records\":[{\"time\":\"2026-11-30T08:01:02Z\"}]}");

        assertThatThrownBy(() -> client(0).oldestEmsIndex(NODE))
                .isInstanceOfSatisfying(OntapException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.BAD_RESPONSE))
                .hasMessageContaining("GET " + EVENTS + " of node " + NODE + ": records[0]: missing key field index");
    }

    @Test
    void anEmptyNodeOrMessageFilterIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> client(0).fetchEmsEvents(" ", 0, LOGIN_MESSAGES))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("nodeUuid must not be empty");
        assertThatThrownBy(() -> client(0).fetchEmsEvents(NODE, 0, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("messageNames must not be empty");
        assertThat(server.getRequestCount()).isZero();
    }
}
