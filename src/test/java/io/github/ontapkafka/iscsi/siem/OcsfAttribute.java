package io.github.ontapkafka.iscsi.siem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One attribute of a compiled class or object: the dictionary definition with the item's own details merged on
 * top. {@code objectType} is set when the attribute holds an OCSF object; {@code profiles} is null when the
 * attribute belongs to the item whatever profiles an event declares.
 */
record OcsfAttribute(String name, String type, String objectType, boolean isArray, String requirement,
                     Map<String, String> enumCaptions, String sibling, List<String> profiles) {

    static OcsfAttribute of(String name, ObjectNode definition) {
        Map<String, String> captions = new LinkedHashMap<>();
        definition.path("enum").properties().forEach(e -> captions.put(e.getKey(), e.getValue().path("caption").asText()));
        List<String> profiles = null;
        if (definition.path("profiles").isArray()) {
            profiles = new ArrayList<>();
            for (JsonNode profile : definition.get("profiles")) {
                profiles.add(profile.asText());
            }
        }
        return new OcsfAttribute(name, definition.path("type").asText(), definition.path("object_type").asText(null),
                definition.path("is_array").asBoolean(false), definition.path("requirement").asText("optional"),
                captions, definition.path("sibling").asText(null), profiles);
    }

    boolean isRequired() {
        return requirement.equals("required");
    }

    boolean isObject() {
        return objectType != null;
    }

    boolean appliesWith(Set<String> eventProfiles) {
        return profiles == null || profiles.stream().anyMatch(eventProfiles::contains);
    }
}
