package io.github.ontapkafka.iscsi.ontap;

import com.fasterxml.jackson.core.JsonFactory;
import io.github.ontapkafka.iscsi.model.EmsEvent;
import io.github.ontapkafka.iscsi.model.EmsParameter;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.github.ontapkafka.iscsi.ontap.EmsJson.NODE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How a page of events is read: the key (node UUID and index) strictly, since the cursor is built on it; every other
 * value liberally, an odd one read as unknown and said.
 */
class EmsPageParserTest {

    private final EmsPageParser parser = new EmsPageParser(new JsonFactory());
    private final List<String> oddities = new ArrayList<>();

    private List<EmsEvent> read(String body) throws MalformedResponseException {
        return parser.events(body.getBytes(StandardCharsets.UTF_8), oddities::add).records();
    }

    /** A page of one record: the node and index given, then the other members as written. */
    private List<EmsEvent> readRecord(String index, String otherMembers) throws MalformedResponseException {
        return read("{\"records\":[{\"node\":{\"uuid\":\"" + NODE + "\"},\"index\":" + index
                + (otherMembers.isEmpty() ? "" : "," + otherMembers) + "}]}");
    }

    @Test
    void readsEveryFieldOfAnEvent() throws Exception {
        EmsEvent event = read("{\"records\":[" + EmsJson.loginRejected(4711) + "],\"num_records\":1}").get(0);

        assertThat(event.nodeUuid()).isEqualTo(NODE);
        assertThat(event.nodeName()).isEqualTo("cluster1-01");
        assertThat(event.index()).isEqualTo(4711);
        assertThat(event.time()).isEqualTo(Instant.parse("2026-11-30T07:01:02Z"));
        assertThat(event.messageName()).isEqualTo("iscsi.loginIpNotAuthorized");
        assertThat(event.severity()).isEqualTo("notice");
        assertThat(event.logMessage()).startsWith("iscsi.loginIpNotAuthorized: iSCSI login authorization failure.");
        assertThat(event.parameters()).extracting(EmsParameter::name)
                .containsExactly("initiator_name", "vserver", "lif", "initiator_ip_address");
        assertThat(event.parameter("initiator_ip_address")).isEqualTo("192.0.2.7");
        assertThat(event.source()).isEqualTo("iscsi_ems");
        assertThat(oddities).isEmpty();
    }

    @Test
    void readsTimesWithFractionsOfASecondOrZ() throws Exception {
        assertThat(readRecord("1", "\"time\":\"2026-11-30T08:01:02.123456-04:00\"").get(0).time())
                .isEqualTo(Instant.parse("2026-11-30T12:01:02.123456Z"));
        assertThat(readRecord("1", "\"time\":\"2026-11-30T08:01:02Z\"").get(0).time())
                .isEqualTo(Instant.parse("2026-11-30T08:01:02Z"));
        assertThat(oddities).isEmpty();
    }

    @Test
    void anIndexWrittenAsAStringIsRead() throws Exception {
        assertThat(readRecord("\"4294967296\"", "").get(0).index()).isEqualTo(4_294_967_296L);
        assertThat(oddities).isEmpty();
    }

    @Test
    void aTimeThatIsNotOneIsReadAsUnknownAndSaid() throws Exception {
        assertThat(readRecord("1", "\"time\":1764486062").get(0).time()).isNull();
        assertThat(readRecord("2", "\"time\":\"2026-11-30T08:01:02\"").get(0).time()).isNull();
        assertThat(readRecord("3", "\"time\":\"yesterday\"").get(0).time()).isNull();

        assertThat(oddities).containsExactly(
                "records[0].time: expected a string, got a number; read as unknown",
                "records[0].time: expected an ISO-8601 time with an offset, got \"2026-11-30T08:01:02\"; "
                        + "read as unknown",
                "records[0].time: expected an ISO-8601 time with an offset, got \"yesterday\"; read as unknown");
    }

    @Test
    void parameterValuesAreStringsANumberReadAsItsTextAnythingElseAsUnknown() throws Exception {
        EmsEvent event = readRecord("1", """
                "parameters":[{"name":"monitor","value":2},{"name":"ratio","value":0.5},{"name":"up","value":true},
                              {"name":"m","value":"login failed"},{"value":"nameless"},"not a parameter",null]""")
                .get(0);

        assertThat(event.parameters()).containsExactly(new EmsParameter("monitor", "2"),
                new EmsParameter("ratio", "0.5"), new EmsParameter("up", null), new EmsParameter("m", "login failed"));
        assertThat(oddities).containsExactly(
                "records[0].parameters[2].value: expected a string, got a boolean; read as unknown",
                "records[0].parameters[4]: no name, which identifies a parameter; the parameter is left out",
                "records[0].parameters[5]: expected an object, got a string; read as unknown");
    }

    @Test
    void otherOddValuesAreReadAsUnknownAndTheRestOfTheEventIsUsed() throws Exception {
        EmsEvent event = read("""
                {"records":[{"node":{"uuid":"%s","name":7},"index":9,"message":"iscsi.loginFailure",
                 "log_message":["a"],"parameters":{"m":"x"},"source":{"process":"iscsi"},
                 "time":"2026-11-30T08:01:02Z"}]}""".formatted(NODE)).get(0);

        assertThat(event.index()).isEqualTo(9);
        assertThat(event.time()).isEqualTo(Instant.parse("2026-11-30T08:01:02Z"));
        assertThat(event.nodeName()).isNull();
        assertThat(event.messageName()).isNull();
        assertThat(event.logMessage()).isNull();
        assertThat(event.parameters()).isEmpty();
        assertThat(event.source()).isNull();
        assertThat(oddities).containsExactly(
                "records[0].node.name: expected a string, got a number; read as unknown",
                "records[0].message: expected an object, got a string; read as unknown",
                "records[0].log_message: expected a string, got an array; read as unknown",
                "records[0].parameters: expected an array, got an object; read as unknown",
                "records[0].source: expected a string, got an object; read as unknown");
    }

    @Test
    void unknownFieldsAndANullRecordsArrayAreNotOdd() throws Exception {
        assertThat(readRecord("1", "\"a_field_of_a_newer_release\":{\"nested\":[1,{\"x\":null}]}")).hasSize(1);
        assertThat(read("{\"records\":null,\"_links\":{\"self\":{\"href\":\"/api/support/ems/events\"}}}")).isEmpty();
        assertThat(oddities).isEmpty();
    }

    @Test
    void anEventWithoutItsKeyFailsThePage() {
        assertThatThrownBy(() -> read("{\"records\":[{\"node\":{\"uuid\":\"" + NODE + "\"}}]}"))
                .isInstanceOf(MalformedResponseException.class).hasMessage("records[0]: missing key field index");
        assertThatThrownBy(() -> read("{\"records\":[" + EmsJson.loginRejected(1) + ",{\"index\":2}]}"))
                .hasMessage("records[1]: missing key field node.uuid");
        assertThatThrownBy(() -> read("{\"records\":[{\"index\":2,\"node\":{\"uuid\":\" \"}}]}"))
                .hasMessage("records[0]: missing key field node.uuid");
    }

    @Test
    void aKeyOfTheWrongTypeFailsThePage() {
        assertThatThrownBy(() -> readRecord("\"seven\"", ""))
                .hasMessage("records[0].index: expected an integer, got a string that is not one: \"seven\"");
        assertThatThrownBy(() -> readRecord("-1", "")).hasMessage("records[0]: negative index -1");
        assertThatThrownBy(() -> readRecord("1.5", "")).hasMessage("records[0].index: expected an integer, got a number");
        assertThatThrownBy(() -> read("{\"records\":[{\"index\":1,\"node\":{\"uuid\":42}}]}"))
                .hasMessage("records[0].node.uuid: expected a string, got a number");
        assertThatThrownBy(() -> read("{\"records\":[{\"index\":1,\"node\":\"" + NODE + "\"}]}"))
                .hasMessage("records[0].node: expected an object, got a string");
    }

    @Test
    void aPageWithoutRecordsOrWithTwoOfThemIsMalformed() {
        assertThatThrownBy(() -> read("{\"num_records\":0}")).hasMessage("response: no 'records' array");
        assertThatThrownBy(() -> read("{\"records\":[],\"records\":[]}"))
                .hasMessage("response: member \"records\" appears twice");
        assertThatThrownBy(() -> read("{\"records\":[]} {}")).hasMessage("response: unexpected content after the object");
        assertThatThrownBy(() -> read("[]")).hasMessage("response: expected an object, got an array");
    }

    @Test
    void readsTheIndexesOfAPageAskedForIndexesOnly() throws Exception {
        byte[] body = "{\"records\":[{\"index\":\"17\",\"_links\":{}}],\"_links\":{\"next\":{\"href\":\"/n\"}}}"
                .getBytes(StandardCharsets.UTF_8);

        CollectionPage<Long> page = parser.indexes(body);

        assertThat(page.records()).containsExactly(17L);
        assertThat(page.nextHref()).isEqualTo("/n");
        assertThatThrownBy(() -> parser.indexes("{\"records\":[{}]}".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("records[0]: missing key field index");
    }
}
