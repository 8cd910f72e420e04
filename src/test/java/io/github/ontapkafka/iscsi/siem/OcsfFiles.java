package io.github.ontapkafka.iscsi.siem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads the JSON files of an OCSF schema or extension directory as the compiler sees them. */
final class OcsfFiles {

    static final ObjectMapper JSON = new ObjectMapper();

    private OcsfFiles() {
    }

    static ObjectNode read(Path file) {
        try {
            if (JSON.readTree(file.toFile()) instanceof ObjectNode object) {
                return object;
            }
            throw new IllegalArgumentException("OCSF file " + file + " does not hold a JSON object");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OCSF file " + file, e);
        }
    }

    static ObjectNode readIfPresent(Path file) {
        return Files.isRegularFile(file) ? read(file) : JSON.createObjectNode();
    }

    /** Every JSON file below a directory (which may be absent), in a stable order. */
    static List<Path> jsonFilesUnder(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list OCSF directory " + directory, e);
        }
    }

    /**
     * Classes or objects keyed by name. Like the compiler, an attribute's legacy {@code "profile": p} becomes
     * {@code "profiles": [p]}, and {@code "profile": null} becomes {@code "profiles": null}, which means "not
     * governed by any profile" (iam uses it to make the host profile's {@code actor} unconditional).
     */
    static Map<String, ObjectNode> readItems(Path directory) {
        Map<String, ObjectNode> items = new LinkedHashMap<>();
        for (Path file : jsonFilesUnder(directory)) {
            ObjectNode item = read(file);
            upgradeAttributeProfiles(item);
            items.put(itemKey(item, file), item);
        }
        return items;
    }

    static String itemKey(ObjectNode item, Path file) {
        if (item.hasNonNull("name")) {
            return item.get("name").asText();
        }
        throw new IllegalArgumentException("OCSF item " + file + " has no \"name\"");
    }

    static void upgradeAttributeProfiles(ObjectNode item) {
        attributes(item).properties().forEach(entry -> {
            if (entry.getValue() instanceof ObjectNode attribute && attribute.has("profile")) {
                JsonNode profile = attribute.remove("profile");
                if (profile.isNull()) {
                    attribute.putNull("profiles");
                } else {
                    attribute.putArray("profiles").add(profile.asText());
                }
            }
        });
    }

    static ObjectNode attributes(ObjectNode item) {
        return object(item, "attributes");
    }

    /** The object under {@code key}, created empty when absent. */
    static ObjectNode object(ObjectNode parent, String key) {
        if (parent.get(key) instanceof ObjectNode child) {
            return child;
        }
        return parent.putObject(key);
    }

    static ArrayNode stringArray(List<String> values) {
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return array;
    }
}
