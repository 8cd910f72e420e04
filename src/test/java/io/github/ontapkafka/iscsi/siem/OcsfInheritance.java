package io.github.ontapkafka.iscsi.siem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Extension patches and {@code extends}, as the compiler applies them ({@code _resolve_patches},
 * {@code _resolve_item_extends}): patches first, so a patch of a parent reaches every child.
 */
final class OcsfInheritance {

    private static final List<String> PATCHED_KEYS = List.of("observable", "observables", "references", "associations");

    private OcsfInheritance() {
    }

    static void applyPatches(Map<String, ObjectNode> items, Map<String, List<ObjectNode>> patches, String kind) {
        patches.forEach((name, list) -> {
            ObjectNode base = items.get(name);
            if (base == null) {
                throw new IllegalArgumentException("extension patches undefined " + kind + " \"" + name + "\"");
            }
            for (ObjectNode patch : list) {
                OcsfMerge.mergeProfiles(base, patch);
                OcsfMerge.mergeAttributes(OcsfFiles.attributes(base), OcsfFiles.attributes(patch));
                PATCHED_KEYS.stream().filter(patch::hasNonNull).forEach(k -> base.set(k, patch.get(k).deepCopy()));
                JsonNode constraints = patch.get("constraints");
                if (constraints != null && constraints.isEmpty()) {
                    base.remove("constraints");
                } else if (constraints != null) {
                    base.set("constraints", constraints.deepCopy());
                }
            }
        });
    }

    /**
     * Replaces every item by its flattened form: a copy of the flattened parent with the item's attributes merged
     * on top, the profiles united, and every other key (caption, uid, constraints...) taken from the item. An
     * item's {@code "constraints": {}} therefore drops the parent's constraints.
     */
    static void flattenExtends(Map<String, ObjectNode> items, String kind) {
        Set<String> flattened = new HashSet<>();
        for (String name : List.copyOf(items.keySet())) {
            flatten(items, name, kind, flattened);
        }
    }

    private static void flatten(Map<String, ObjectNode> items, String name, String kind, Set<String> flattened) {
        if (!flattened.add(name)) {
            return;
        }
        ObjectNode item = items.get(name);
        String parentName = item.path("extends").asText(null);
        if (parentName == null) {
            return;
        }
        if (!items.containsKey(parentName)) {
            throw new IllegalArgumentException(kind + " \"" + name + "\" extends undefined " + kind + " \"" + parentName + "\"");
        }
        flatten(items, parentName, kind, flattened);
        ObjectNode merged = items.get(parentName).deepCopy();
        item.properties().forEach(entry -> {
            switch (entry.getKey()) {
                case "attributes" -> OcsfMerge.mergeAttributes(OcsfFiles.attributes(merged), (ObjectNode) entry.getValue());
                case "profiles" -> OcsfMerge.mergeProfiles(merged, item);
                default -> merged.set(entry.getKey(), entry.getValue().deepCopy());
            }
        });
        items.put(name, merged);
    }
}
