package io.github.ontapkafka.iscsi.siem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The merge rules of the OCSF schema compiler ({@code ocsf/ocsf-schema-compiler}, {@code compiler.py}
 * {@code _merge_attributes}, {@code _merge_attribute_detail}, {@code _merge_profiles}, {@code utils.deep_merge}),
 * used for includes, patches, {@code extends} and the final merge with the dictionary. "Dest" is the existing
 * definition, "source" the one layered on top of it; the source wins except where noted.
 */
final class OcsfMerge {

    private static final List<String> REQUIREMENT_RANK = List.of("optional", "recommended", "required");

    private OcsfMerge() {
    }

    /** Objects merge key by key, recursively; anything else (arrays included) is replaced. */
    static void deepMerge(ObjectNode dest, ObjectNode source) {
        for (Map.Entry<String, JsonNode> entry : source.properties()) {
            if (dest.get(entry.getKey()) instanceof ObjectNode destChild && entry.getValue() instanceof ObjectNode child) {
                deepMerge(destChild, child);
            } else {
                dest.set(entry.getKey(), entry.getValue().deepCopy());
            }
        }
    }

    static void mergeAttributes(ObjectNode destAttributes, ObjectNode sourceAttributes) {
        for (Map.Entry<String, JsonNode> entry : sourceAttributes.properties()) {
            if (destAttributes.get(entry.getKey()) instanceof ObjectNode dest) {
                mergeAttributeDetail(dest, (ObjectNode) entry.getValue());
            } else {
                destAttributes.set(entry.getKey(), entry.getValue().deepCopy());
            }
        }
    }

    /**
     * Two special cases: {@code profiles} unite (a JSON null in the source frees the attribute from profiles),
     * and when two profiles bring the same attribute, the stronger requirement wins.
     */
    static void mergeAttributeDetail(ObjectNode dest, ObjectNode source) {
        for (Map.Entry<String, JsonNode> entry : source.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            JsonNode existing = dest.get(key);
            if (existing == null || existing.equals(value)) {
                dest.set(key, value.deepCopy());
            } else if (key.equals("profiles")) {
                dest.set(key, value.isNull() ? value : OcsfFiles.stringArray(union(existing, value)));
            } else if (key.equals("requirement") && source.hasNonNull("profiles") && dest.has("profiles")) {
                dest.put(key, stronger(existing.asText(), value.asText()));
            } else if (existing instanceof ObjectNode destChild && value instanceof ObjectNode child) {
                deepMerge(destChild, child);
            } else {
                dest.set(key, value.deepCopy());
            }
        }
    }

    /** An item's own {@code profiles} list: the union of both, left out when both have none. */
    static void mergeProfiles(ObjectNode dest, ObjectNode source) {
        List<String> merged = union(dest.path("profiles"), source.path("profiles"));
        if (!merged.isEmpty()) {
            dest.set("profiles", OcsfFiles.stringArray(merged));
        }
    }

    static int requirementRank(String requirement) {
        return REQUIREMENT_RANK.indexOf(requirement);
    }

    private static List<String> union(JsonNode first, JsonNode second) {
        TreeSet<String> names = new TreeSet<>();
        first.forEach(n -> names.add(n.asText()));
        second.forEach(n -> names.add(n.asText()));
        return new ArrayList<>(names);
    }

    private static String stronger(String first, String second) {
        return requirementRank(first) >= requirementRank(second) ? first : second;
    }
}
