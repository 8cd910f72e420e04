package io.github.ontapkafka.iscsi.siem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves {@code "$include"} the way the compiler does ({@code _resolve_item_includes}): inside
 * {@code attributes} it names files (profiles, in practice) whose attributes are layered beneath the item's own,
 * and a profile's attributes are tagged with that profile; inside one attribute it names a file of attribute
 * details layered beneath the attribute's. An extension's includes are looked up in the extension first, then in
 * the schema.
 */
final class OcsfIncludes {

    private final List<Path> searchPath;
    private final Map<Path, ObjectNode> cache = new HashMap<>();

    OcsfIncludes(List<Path> searchPath) {
        this.searchPath = searchPath;
    }

    void resolve(ObjectNode item) {
        ObjectNode attributes = OcsfFiles.attributes(item);
        JsonNode include = attributes.remove("$include");
        if (include != null) {
            for (JsonNode file : include.isArray() ? include : List.of(include)) {
                layerBeneath(item, contents(file.asText()));
            }
        }
        ObjectNode resolved = OcsfFiles.attributes(item);
        resolved.properties().forEach(entry -> {
            if (entry.getValue() instanceof ObjectNode attribute && attribute.has("$include")) {
                ObjectNode merged = contents(attribute.remove("$include").asText()).deepCopy();
                OcsfMerge.deepMerge(merged, attribute);
                entry.setValue(merged);
            }
        });
    }

    private void layerBeneath(ObjectNode item, ObjectNode included) {
        ObjectNode base = OcsfFiles.attributes(included).deepCopy();
        boolean isProfile = "profile".equals(included.path("meta").asText());
        JsonNode annotations = included.path("annotations");
        base.properties().forEach(entry -> {
            ObjectNode attribute = (ObjectNode) entry.getValue();
            if (isProfile) {
                attribute.set("profiles", OcsfFiles.stringArray(List.of(included.get("name").asText())));
            }
            annotations.properties().forEach(a -> {
                if (!attribute.has(a.getKey())) {
                    attribute.set(a.getKey(), a.getValue().deepCopy());
                }
            });
        });
        OcsfMerge.mergeAttributes(base, OcsfFiles.attributes(item));
        item.set("attributes", base);
    }

    private ObjectNode contents(String file) {
        Path path = searchPath.stream().map(dir -> dir.resolve(file)).filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "OCSF \"$include\" of " + file + " found in none of " + searchPath));
        return cache.computeIfAbsent(path, OcsfFiles::read);
    }
}
