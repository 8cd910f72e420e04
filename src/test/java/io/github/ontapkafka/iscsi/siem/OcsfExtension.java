package io.github.ontapkafka.iscsi.siem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An OCSF extension directory in the official layout ({@code extension.json} with {@code name} and {@code uid},
 * optional {@code dictionary.json}, {@code objects/}, {@code profiles/}, and {@code events/} holding patches of
 * existing classes). As in the compiler, a file is a patch when it has {@code extends} and either no
 * {@code name} or the same name; profiles are known as {@code <extension>/<profile>}, and the extension's own
 * unscoped references to them are rewritten to that form ({@code _fix_extension_profile}).
 */
final class OcsfExtension {

    final String name;
    final ObjectNode dictionary;
    final Map<String, ObjectNode> objects = new LinkedHashMap<>();
    final Map<String, List<ObjectNode>> objectPatches = new LinkedHashMap<>();
    final Map<String, List<ObjectNode>> classPatches = new LinkedHashMap<>();
    private final Path directory;
    private final Map<String, ObjectNode> profiles;

    private OcsfExtension(Path directory) {
        ObjectNode info = OcsfFiles.read(directory.resolve("extension.json"));
        if (!info.path("name").isTextual() || !info.path("uid").isInt()) {
            throw new IllegalArgumentException("extension.json in " + directory + " needs a string \"name\" and an integer \"uid\"");
        }
        if (Files.exists(directory.resolve("categories.json"))) {
            throw new UnsupportedOperationException("extension categories (and classes) are not supported: " + directory);
        }
        this.directory = directory;
        this.name = info.get("name").asText();
        this.dictionary = OcsfFiles.readIfPresent(directory.resolve("dictionary.json"));
        this.profiles = OcsfFiles.readItems(directory.resolve("profiles"));
        readPatchable(directory.resolve("objects"), objects, objectPatches);
        Map<String, ObjectNode> newClasses = new LinkedHashMap<>();
        readPatchable(directory.resolve("events"), newClasses, classPatches);
        if (!newClasses.isEmpty()) {
            throw new UnsupportedOperationException("extension classes are not supported, only patches: " + newClasses.keySet());
        }
    }

    static OcsfExtension read(Path directory) {
        return new OcsfExtension(directory);
    }

    Path directory() {
        return directory;
    }

    Map<String, ObjectNode> scopedProfiles() {
        Map<String, ObjectNode> scoped = new LinkedHashMap<>();
        profiles.forEach((profile, definition) -> scoped.put(name + "/" + profile, definition));
        return scoped;
    }

    void resolveIncludes(OcsfIncludes includes) {
        items().forEach(includes::resolve);
    }

    void scopeProfileReferences(Set<String> baseProfiles) {
        items().forEach(item -> {
            scope(item.get("profiles"), baseProfiles);
            OcsfFiles.attributes(item).forEach(attribute -> scope(attribute.get("profiles"), baseProfiles));
        });
    }

    private Stream<ObjectNode> items() {
        return Stream.of(objects.values().stream(), objectPatches.values().stream().flatMap(List::stream),
                classPatches.values().stream().flatMap(List::stream)).flatMap(s -> s);
    }

    private void scope(JsonNode profileList, Set<String> baseProfiles) {
        if (!(profileList instanceof ArrayNode array)) {
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            String profile = array.get(i).asText();
            if (profile.startsWith(name + "/") && profiles.containsKey(profile.substring(name.length() + 1))) {
                continue;
            }
            if (profiles.containsKey(profile)) {
                array.set(i, name + "/" + profile);
            } else if (!baseProfiles.contains(profile)) {
                throw new IllegalArgumentException("extension \"" + name + "\" refers to profile \"" + profile
                        + "\", defined neither by the extension nor by the schema");
            }
        }
    }

    private static void readPatchable(Path dir, Map<String, ObjectNode> items, Map<String, List<ObjectNode>> patches) {
        for (Path file : OcsfFiles.jsonFilesUnder(dir)) {
            ObjectNode item = OcsfFiles.read(file);
            OcsfFiles.upgradeAttributeProfiles(item);
            String itemName = item.path("name").asText(null);
            String extended = item.path("extends").asText(null);
            if (extended != null && (itemName == null || itemName.equals(extended))) {
                patches.computeIfAbsent(extended, k -> new ArrayList<>()).add(item);
            } else {
                items.put(OcsfFiles.itemKey(item, file), item);
            }
        }
    }
}
