package io.github.ontapkafka.iscsi.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.connector.ConnectRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A transformed record's value as a sink writes it: Connect's {@link JsonConverter} with {@code schemas.enable=false},
 * read back as JSON. A struct's absent attributes come out as JSON nulls.
 */
final class OcsfJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonConverter CONVERTER = new JsonConverter();

    static {
        CONVERTER.configure(Map.of("schemas.enable", "false", "converter.type", "value"));
    }

    private OcsfJson() {
    }

    static JsonNode of(ConnectRecord<?> record) {
        try {
            return MAPPER.readTree(CONVERTER.fromConnectData(record.topic(), record.valueSchema(), record.value()));
        } catch (IOException e) {
            throw new UncheckedIOException("the converter wrote no JSON for " + record, e);
        }
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }
}
