package io.github.ontapkafka.iscsi.siem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A dictionary type ({@code dictionary.json} {@code types}). {@code parent} is the type it refines (e.g. port_t
 * refines integer_t), null for the primitives; each level may add a regex, a range, a maximum length or a list of
 * allowed values.
 */
record OcsfType(String name, String parent, Pattern regex, BigDecimal low, BigDecimal high, Integer maxLength,
                List<JsonNode> values) {

    static OcsfType of(String name, ObjectNode definition) {
        JsonNode range = definition.path("range");
        List<JsonNode> values = null;
        if (definition.path("values").isArray()) {
            values = new ArrayList<>();
            definition.get("values").forEach(values::add);
        }
        return new OcsfType(name, definition.path("type").asText(null),
                definition.hasNonNull("regex") ? Pattern.compile(definition.get("regex").asText()) : null,
                range.isArray() ? range.get(0).decimalValue() : null,
                range.isArray() ? range.get(1).decimalValue() : null,
                definition.hasNonNull("max_len") ? definition.get("max_len").asInt() : null, values);
    }
}
