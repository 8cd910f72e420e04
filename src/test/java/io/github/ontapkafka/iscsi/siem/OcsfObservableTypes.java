package io.github.ontapkafka.iscsi.siem;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code observable.type_id} enum is not written in any file: the compiler gathers it from every
 * {@code "observable"} number in dictionary types and attributes, objects, and class or object attributes, and
 * from class-level {@code "observables"} paths ({@code _observables_from_*}, {@code _update_observable_enum}).
 * Captions follow the compiler's, e.g. "IP Address" or "Authentication Class: user.name".
 */
final class OcsfObservableTypes {

    private final Map<String, String> captions = new TreeMap<>();

    void addDictionary(ObjectNode dictionary) {
        List.of(OcsfFiles.object(dictionary, "types"), dictionary).forEach(section ->
                OcsfFiles.attributes(section).properties().forEach(e -> {
                    if (e.getValue().has("observable")) {
                        captions.put(e.getValue().get("observable").asText(), e.getValue().path("caption").asText());
                    }
                }));
    }

    /** Items as read (before {@code extends}), so that children do not repeat their parent's observables. */
    void addItems(Map<String, ObjectNode> items, String kind) {
        items.forEach((name, item) -> addItem(item, item.path("caption").asText(name), kind));
    }

    void addPatches(Map<String, List<ObjectNode>> patches, Map<String, ObjectNode> items, String kind) {
        patches.forEach((name, list) -> list.forEach(p -> addItem(p, items.get(name).path("caption").asText(name), kind)));
    }

    private void addItem(ObjectNode item, String caption, String kind) {
        if (item.has("observable")) {
            captions.put(item.get("observable").asText(), caption);
        }
        OcsfFiles.attributes(item).properties().forEach(e -> {
            if (e.getValue().has("observable")) {
                captions.put(e.getValue().get("observable").asText(), caption + " " + kind + ": " + e.getKey());
            }
        });
        item.path("observables").properties().forEach(e -> captions.put(e.getValue().asText(), caption + " " + kind + ": " + e.getKey()));
    }

    /** Adds the gathered members to the {@code observable} object's {@code type_id} enum. */
    void addTo(ObjectNode observableObject) {
        ObjectNode typeIdEnum = OcsfFiles.object(OcsfFiles.object(OcsfFiles.attributes(observableObject), "type_id"), "enum");
        captions.forEach((id, caption) -> OcsfFiles.object(typeIdEnum, id).put("caption", caption));
    }
}
