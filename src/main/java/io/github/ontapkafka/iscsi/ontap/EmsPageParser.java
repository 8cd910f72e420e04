package io.github.ontapkafka.iscsi.ontap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.ontapkafka.iscsi.model.EmsEvent;
import io.github.ontapkafka.iscsi.model.EmsParameter;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads pages of {@code GET /api/support/ems/events}. An event's key, its node's UUID and its {@code index}, is read
 * strictly: the connector's cursor is a node's index, and an event it cannot place must fail the walk rather than
 * move the cursor wrongly. Every other value is read liberally (see {@link LenientReader}): one odd field must not
 * stop a node's event stream. Unknown fields are skipped, as newer releases add some.
 */
final class EmsPageParser {

    private final JsonFactory json;

    EmsPageParser(JsonFactory json) {
        this.json = json;
    }

    /** Reads a page of events asked for with {@link OntapClient#EMS_FIELDS}; says what is odd to {@code oddities}. */
    CollectionPage<EmsEvent> events(byte[] body, Consumer<String> oddities) throws MalformedResponseException {
        return CollectionPages.read(json, body, (p, path) -> new EventReader(p, oddities).event(path));
    }

    /** Reads a page of events asked for with {@code fields=index}: their indexes, in the page's order. */
    CollectionPage<Long> indexes(byte[] body) throws MalformedResponseException {
        return CollectionPages.read(json, body, EmsPageParser::indexOnly);
    }

    private static Long indexOnly(JsonParser p, JsonPath path) throws IOException, MalformedResponseException {
        JsonReader.enterRequiredObject(p, path);
        Long index = null;
        for (String field = JsonReader.nextField(p); field != null; field = JsonReader.nextField(p)) {
            if (field.equals("index")) {
                index = JsonReader.longInteger(p, path.field("index"));
            } else {
                p.skipChildren();
            }
        }
        return checkedIndex(index, path);
    }

    /** The index, the node's sequence number of the event, which must be there and not negative. */
    private static long checkedIndex(Long index, JsonPath path) throws MalformedResponseException {
        if (index == null) {
            throw new MalformedResponseException(path + ": missing key field index");
        }
        if (index < 0) {
            throw new MalformedResponseException(path + ": negative index " + index);
        }
        return index;
    }

    /** Reads one event record; made for each record, as it holds what the record said so far. */
    private static final class EventReader {
        private final JsonParser p;
        private final LenientReader lenient;
        private String nodeUuid;
        private String nodeName;
        private String messageName;
        private String severity;

        EventReader(JsonParser p, Consumer<String> oddities) {
            this.p = p;
            this.lenient = new LenientReader(p, oddities);
        }

        EmsEvent event(JsonPath path) throws IOException, MalformedResponseException {
            JsonReader.enterRequiredObject(p, path);
            Long index = null;
            Instant time = null;
            String logMessage = null;
            List<EmsParameter> parameters = null;
            String source = null;
            for (String field = JsonReader.nextField(p); field != null; field = JsonReader.nextField(p)) {
                switch (field) {
                    case "index" -> index = JsonReader.longInteger(p, path.field("index"));
                    case "node" -> node(path.field("node"));
                    case "time" -> time = time(path.field("time"));
                    case "message" -> message(path.field("message"));
                    case "log_message" -> logMessage = lenient.string(path.field("log_message"));
                    case "parameters" -> parameters = parameters(path.field("parameters"));
                    case "source" -> source = lenient.string(path.field("source"));
                    default -> p.skipChildren();
                }
            }
            long checked = checkedIndex(index, path);
            if (nodeUuid == null || nodeUuid.isBlank()) {
                throw new MalformedResponseException(path + ": missing key field node.uuid");
            }
            return new EmsEvent(nodeUuid, nodeName, checked, time, messageName, severity, logMessage, parameters,
                    source);
        }

        /** The node holds a key field, its UUID: read strictly. */
        private void node(JsonPath path) throws IOException, MalformedResponseException {
            if (!JsonReader.enterObject(p, path)) {
                return;
            }
            for (String field = JsonReader.nextField(p); field != null; field = JsonReader.nextField(p)) {
                switch (field) {
                    case "uuid" -> nodeUuid = JsonReader.string(p, path.field("uuid"));
                    case "name" -> nodeName = lenient.string(path.field("name"));
                    default -> p.skipChildren();
                }
            }
        }

        private void message(JsonPath path) throws IOException {
            if (!lenient.enterObject(path)) {
                return;
            }
            for (String field = JsonReader.nextField(p); field != null; field = JsonReader.nextField(p)) {
                switch (field) {
                    case "name" -> messageName = lenient.string(path.field("name"));
                    case "severity" -> severity = lenient.string(path.field("severity"));
                    default -> p.skipChildren();
                }
            }
        }

        /**
         * ONTAP writes the node's local time with its offset ({@code 2026-11-30T08:01:02+01:00}), some releases with
         * fractions of a second; {@code Z} is read too. A time without an offset names no instant: read as unknown.
         */
        private Instant time(JsonPath path) throws IOException {
            String text = lenient.string(path);
            if (text == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(text.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                lenient.say(path + ": expected an ISO-8601 time with an offset, got \"" + JsonReader.excerpt(text)
                        + "\"; read as unknown");
                return null;
            }
        }

        private List<EmsParameter> parameters(JsonPath path) throws IOException {
            List<EmsParameter> parameters = new ArrayList<>();
            if (!lenient.enterArray(path)) {
                return parameters;
            }
            for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                EmsParameter parameter = parameter(path.index(i));
                if (parameter != null) {
                    parameters.add(parameter);
                }
            }
            return parameters;
        }

        private EmsParameter parameter(JsonPath path) throws IOException {
            if (!lenient.enterObject(path)) {
                return null;
            }
            String name = null;
            String value = null;
            for (String field = JsonReader.nextField(p); field != null; field = JsonReader.nextField(p)) {
                switch (field) {
                    case "name" -> name = lenient.string(path.field("name"));
                    case "value" -> value = parameterValue(path.field("value"));
                    default -> p.skipChildren();
                }
            }
            if (name == null) {
                lenient.say(path + ": no name, which identifies a parameter; the parameter is left out");
                return null;
            }
            return new EmsParameter(name, value);
        }

        /** ONTAP writes every value as a string; a number is read as the text ONTAP wrote, {@code 2} as "2". */
        private String parameterValue(JsonPath path) throws IOException {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                return p.getText();
            }
            return lenient.string(path);
        }
    }
}
