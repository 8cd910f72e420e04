package io.github.ontapkafka.iscsi.siem;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One field of {@code ecs_flat.yml}. {@code allowedValues} maps each allowed value to its
 * {@code expected_event_types} (empty when the value declares none); it is empty when any value is allowed.
 */
record EcsField(String name, String type, String objectType, boolean required, boolean normalizedToArray,
                Map<String, List<String>> allowedValues) {

    static EcsField of(String name, JsonNode definition) {
        Map<String, List<String>> allowed = new LinkedHashMap<>();
        for (JsonNode value : definition.path("allowed_values")) {
            List<String> expectedTypes = new ArrayList<>();
            value.path("expected_event_types").forEach(t -> expectedTypes.add(t.asText()));
            allowed.put(value.path("name").asText(), expectedTypes);
        }
        boolean array = false;
        for (JsonNode rule : definition.path("normalize")) {
            array |= rule.asText().equals("array");
        }
        return new EcsField(name, definition.path("type").asText(), definition.path("object_type").asText(null),
                definition.path("required").asBoolean(false), array, allowed);
    }

    /** Object-like types whose inner keys are not ECS fields themselves unless ECS defines them. */
    boolean isContainer() {
        return type.equals("object") || type.equals("nested") || type.equals("flattened");
    }
}
