package io.github.ontapkafka.iscsi.ontap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The page scan locates records by brackets and quotes alone ({@link PageStructure}); it must find exactly the
 * records a full JSON parser finds, and refuse whatever is not a well-formed page.
 */
class PageScanTest {

    private static final JsonFactory JSON = new JsonFactory();
    private final SessionPageParser parser = new SessionPageParser(JSON);

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Record ranges as Jackson sees them: the reference the structural scan must match. */
    private static List<String> recordsByJackson(byte[] body) throws IOException {
        List<String> records = new ArrayList<>();
        try (JsonParser p = JSON.createParser(body)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("records") && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        int start = (int) p.currentTokenLocation().getByteOffset();
                        p.skipChildren();
                        int end = (int) p.currentLocation().getByteOffset();
                        records.add(new String(body, start, end - start, StandardCharsets.UTF_8));
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        return records;
    }

    private List<String> recordsByScan(byte[] body) throws MalformedResponseException {
        SessionPage page = parser.scan(body);
        List<String> records = new ArrayList<>();
        for (int i = 0; i < page.size(); i++) {
            records.add(new String(body, page.recordStarts()[i], page.recordEnds()[i] - page.recordStarts()[i],
                    StandardCharsets.UTF_8));
        }
        return records;
    }

    @Test
    void findsTheSameRecordsAsAFullParserEvenWithTrickyStrings() throws Exception {
        String tricky = "{\"svm\":{\"uuid\":\"u\",\"name\":\"a } ] [ { \\\" \\\\\"},\"target_portal_group\":\"t\\\\\","
                + "\"tsih\":1,\"initiator\":{\"name\":\"iqn.x:\\u00e9\\\"}\",\"alias\":\"ümlaut ☃\"},\"extra\":[[{}],[]]}";
        String page = "{ \"num_records\" : 3,\n \"records\" : [\n  " + PageJson.session("s", "lif1", 7) + " ,\n  "
                + tricky + "\n  ,{\"svm\":{\"uuid\":\"v\"},\"target_portal_group\":\"]\",\"tsih\":2}\n ] ,\n"
                + " \"_links\" : { \"next\" : { \"href\" : \"/api/x?start=}\" } } }\n";
        byte[] body = bytes(page);

        assertThat(recordsByScan(body)).hasSize(3).isEqualTo(recordsByJackson(body));
        assertThat(parser.scan(body).nextHref()).isEqualTo("/api/x?start=}");
        assertThat(parser.read(parser.scan(body), 1).initiator().name()).isEqualTo("iqn.x:é\"}");
    }

    /** Strings are searched eight bytes at a time: escapes and closing quotes must be found at every offset. */
    @Test
    void findsStringEndsAtEveryOffsetWithinAWord() throws Exception {
        List<String> records = new ArrayList<>();
        for (int offset = 0; offset < 20; offset++) {
            String padding = "x".repeat(offset);
            records.add("{\"name\":\"" + padding + "\\\"}\",\"alias\":\"" + padding + "\\\\\",\"n\":" + offset + "}");
            records.add("{\"name\":\"" + padding + "\"}");
        }
        for (int tail = 0; tail < 12; tail++) {
            byte[] body = bytes("{\"records\":[" + String.join(",", records) + "]," + "\"a\":\"" + "y".repeat(tail)
                    + "\"}");

            assertThat(recordsByScan(body)).isEqualTo(recordsByJackson(body)).hasSize(40);
        }
    }

    @Test
    void acceptsAnEmptyPageAndNullRecords() throws Exception {
        assertThat(parser.scan(bytes("{\"records\":[],\"num_records\":0}")).size()).isZero();
        assertThat(parser.scan(bytes("{\"records\":null}")).size()).isZero();
    }

    @Test
    void refusesEveryTruncationOfAPage() {
        byte[] body = bytes(PageJson.page(List.of(PageJson.session("s", "lif1", 1), PageJson.session("s", "lif1", 2)),
                "/api/next"));
        for (int length = 0; length < body.length - 1; length++) {
            byte[] truncated = Arrays.copyOf(body, length);
            int at = length;
            assertThatThrownBy(() -> parser.scan(truncated)).as("truncated to %d bytes", at)
                    .isInstanceOf(MalformedResponseException.class);
        }
    }

    @Test
    void refusesMalformedStructure() {
        List<String> malformed = List.of(
                "<html><body>Sign in</body></html>",
                "[]",
                "{\"records\":[{\"a\":[}]}",
                "{\"records\":[{\"a\":1}{\"b\":2}]}",
                "{\"records\":[{\"a\":1},]}",
                "{\"records\":[1,2]}",
                "{\"records\":{}}",
                "{\"records\":[],\"num_records\":5x}",
                "{\"records\":[]} trailing",
                "{\"records\":[] \"_links\":{}}",
                "{\"records\" []}",
                "{\"num_records\":1}");
        for (String body : malformed) {
            assertThatThrownBy(() -> parser.scan(bytes(body))).as(body).isInstanceOf(MalformedResponseException.class);
        }
    }

    @Test
    void aRecordWithBrokenScalarsIsCaughtWhenItIsRead() throws Exception {
        SessionPage page = parser.scan(bytes("{\"records\":[{\"svm\":{\"uuid\":\"u\"},\"target_portal_group\":\"t\","
                + "\"tsih\":0x1F}]}"));

        assertThatThrownBy(() -> parser.read(page, 0)).isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("not valid JSON");
    }

    // Found by PageScanFuzzTest: the scan handed a scalar's bytes up to the next ',' or '}' to Jackson, which read
    // the first value and ignored the rest.
    @Test
    void refusesContentAfterATopLevelScalar() {
        List<String> malformed = List.of(
                "{\"records\":null\"}",
                "{\"records\":null{}}",
                "{\"records\":null-1}",
                "{\"records\":[],\"num_records\":true\"x\"}");
        for (String body : malformed) {
            assertThatThrownBy(() -> parser.scan(bytes(body))).as(body).isInstanceOf(MalformedResponseException.class);
        }
    }

    // Found by PageScanFuzzTest: a second records array replaced the first (its sessions would have logged out), a
    // second _links dropped the next link (the walk would have stopped early).
    @Test
    void refusesANameRepeatedOutsideTheRecords() {
        String record = "{\"svm\":{\"uuid\":\"u\"},\"target_portal_group\":\"t\",\"tsih\":1}";
        List<String> repeated = List.of(
                "{\"records\":[" + record + "],\"records\":[]}",
                "{\"records\":[" + record + "],\"records\":null}",
                "{\"_links\":{\"next\":{\"href\":\"/n\"}},\"records\":[],\"_links\":{}}",
                "{\"records\":[],\"_links\":{\"next\":{\"href\":\"/n\"},\"next\":null}}",
                "{\"records\":[],\"_links\":{\"self\":{\"href\":\"/s\",\"href\":\"/s\"}}}",
                "{\"num_records\":0,\"records\":[],\"num_records\":0}");
        for (String body : repeated) {
            assertThatThrownBy(() -> parser.scan(bytes(body))).as(body).isInstanceOf(MalformedResponseException.class);
        }
    }

    @Test
    void aNameRepeatedInsideARecordIsTheReadersBusiness() throws Exception {
        SessionPage page = parser.scan(bytes("{\"records\":[{\"svm\":{\"uuid\":\"u\"},\"target_portal_group\":\"t\","
                + "\"tsih\":1,\"tsih\":2}]}"));

        assertThat(parser.read(page, 0).tsih()).isEqualTo(2);
    }

    // Found by PageScanFuzzTest: top-level names were taken as raw bytes, neither checked nor unescaped.
    @Test
    void readsTopLevelNamesAsJsonDoes() throws Exception {
        assertThat(parser.scan(bytes("{\"rec\\u006frds\":[{}]}")).size()).isOne();
        List<String> malformed = List.of(
                "{\"\\s\":1,\"records\":[]}",
                "{\"\u0001\":1,\"records\":[]}",
                "{\"records\":null,\"\\udc00\":null}");
        for (String body : malformed) {
            assertThatThrownBy(() -> parser.scan(bytes(body))).as(body).isInstanceOf(MalformedResponseException.class);
        }
        byte[] invalidUtf8 = bytes("{\"records\":[],\"reco?rds\":[{}]}");
        invalidUtf8[invalidUtf8.length - 11] = (byte) 0xFF;
        assertThatThrownBy(() -> parser.scan(invalidUtf8)).isInstanceOf(MalformedResponseException.class);
    }

    /**
     * Found by review of the fuzzer's findings, not by the fuzzer: Jackson guesses the encoding of the bytes it is
     * given, and takes a byte-order mark or a second byte of 0 for UTF-8 with a BOM, UTF-16 or UTF-32. A record in
     * UTF-16LE hides its end from the scan behind a character whose low byte is a quote (here U+0122): Jackson ended
     * the record at its own brace and never saw the rest of the range, and read it as a valid session.
     */
    @Test
    void refusesRangesJacksonWouldReadInAnotherEncoding() throws Exception {
        byte[] utf16 = "{\"svm\":{\"uuid\":\"u\"},\"target_portal_group\":\"t\",\"tsih\":1,\"x\":\"\u0122\"}"
                .getBytes(StandardCharsets.UTF_16LE);
        byte[] body = concat(bytes("{\"records\":["), utf16, bytes("\"}]}"));
        SessionPage page = parser.scan(body);
        assertThatThrownBy(() -> parser.read(page, 0)).isInstanceOf(MalformedResponseException.class);

        byte[] bom = concat(bytes("{\"records\":[],\"num_records\":"), new byte[] {(byte) 0xEF, (byte) 0xBB,
                (byte) 0xBF, '5'}, bytes("}"));
        byte[] utf16Null = concat(bytes("{\"records\":"), "null".getBytes(StandardCharsets.UTF_16LE), bytes("}"));
        for (byte[] malformed : List.of(bom, utf16Null)) {
            assertThatThrownBy(() -> parser.scan(malformed)).isInstanceOf(MalformedResponseException.class);
        }
    }

    private static byte[] concat(byte[]... parts) {
        byte[] all = new byte[0];
        for (byte[] part : parts) {
            int at = all.length;
            all = Arrays.copyOf(all, at + part.length);
            System.arraycopy(part, 0, all, at, part.length);
        }
        return all;
    }
}
