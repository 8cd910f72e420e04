package io.github.ontapkafka.iscsi.siem;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks a nested document as Elasticsearch maps it: object keys join into dotted paths (a key may itself contain
 * dots), and an array holds several values of the one field it sits at. Then checks presence of the required
 * fields, {@code ecs.version}, allowed values, and that every {@code event.type} is expected for every
 * {@code event.category}.
 */
final class EcsDocumentValidator {

    private static final String CATEGORY = "event.category";
    private static final String TYPE = "event.type";

    private final EcsFields ecs;
    private final List<String> customRoots = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final Map<String, List<JsonNode>> values = new LinkedHashMap<>();

    EcsDocumentValidator(EcsFields ecs, Set<String> customPrefixes) {
        this.ecs = ecs;
        for (String prefix : customPrefixes) {
            String root = prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
            String fieldSet = root.split("\\.")[0];
            if (ecs.isTopLevelName(fieldSet)) {
                violations.add(root + ": custom prefix collides with the ECS field set \"" + fieldSet + "\"");
            }
            customRoots.add(root);
        }
    }

    List<String> validate(JsonNode document) {
        if (!document.isObject()) {
            return List.of("(document): expected a JSON object but got " + JsonKinds.describe(document));
        }
        walk(document, "");
        checkRequired();
        checkCategoryTypes();
        return List.copyOf(violations);
    }

    private void walk(JsonNode node, String path) {
        if (isCustom(path)) {
            return;
        }
        EcsField field = path.isEmpty() ? null : ecs.field(path);
        if (field != null) {
            checkField(field, node, path);
        } else if (node.isObject()) {
            node.properties().forEach(e -> walk(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey()));
        } else if (node.isArray()) {
            node.forEach(element -> walk(element, path));
        } else if (!node.isNull()) {
            violations.add(path + ": not an ECS " + ecs.version() + " field and not under a custom prefix " + customRoots);
        }
    }

    private void checkField(EcsField field, JsonNode value, String path) {
        if (!value.isArray()) {
            if (field.normalizedToArray()) {
                violations.add(path + ": ECS normalizes this field to an array; write [" + value + "]");
            }
            checkValue(field, value, path);
        } else if (field.type().equals("geo_point") && value.size() == 2 && value.get(0).isNumber()) {
            values.computeIfAbsent(path, k -> new ArrayList<>()).add(value);
        } else {
            value.forEach(element -> checkValue(field, element, path));
        }
    }

    private void checkValue(EcsField field, JsonNode value, String path) {
        if (value.isNull()) {
            return;
        }
        if (value.isArray()) {
            checkField(field, value, path);
            return;
        }
        values.computeIfAbsent(path, k -> new ArrayList<>()).add(value);
        EcsValueCheck.problem(value, field.type()).ifPresentOrElse(problem -> violations.add(path + ": " + problem), () -> {
            if (field.isContainer()) {
                checkContainerContents(field, value, path);
            } else if (!field.allowedValues().isEmpty() && !field.allowedValues().containsKey(value.asText())) {
                violations.add(path + ": " + value + " is not an allowed value; allowed: " + field.allowedValues().keySet());
            }
        });
    }

    /**
     * Below an object or nested field, ECS-defined subfields are checked as fields; where ECS defines none (e.g.
     * {@code labels}) the keys are free, their leaves typed by {@code object_type} when it is given.
     */
    private void checkContainerContents(EcsField field, JsonNode object, String path) {
        if (field.type().equals("flattened")) {
            return;
        }
        if (ecs.definesFieldsUnder(path)) {
            object.properties().forEach(e -> walk(e.getValue(), path + "." + e.getKey()));
        } else if (field.objectType() != null) {
            object.properties().forEach(e -> {
                for (JsonNode leaf : e.getValue().isArray() ? e.getValue() : List.of(e.getValue())) {
                    EcsValueCheck.problem(leaf, field.objectType())
                            .ifPresent(problem -> violations.add(path + "." + e.getKey() + ": " + problem));
                }
            });
        }
    }

    private boolean isCustom(String path) {
        return customRoots.stream().anyMatch(root -> path.equals(root) || path.startsWith(root + "."));
    }

    private void checkRequired() {
        for (EcsField field : ecs.all()) {
            if (field.required() && !values.containsKey(field.name())) {
                violations.add(field.name() + ": required by ECS in every document but missing");
            }
        }
        for (JsonNode version : values.getOrDefault("ecs.version", List.of())) {
            if (!version.asText().equals(ecs.version())) {
                violations.add("ecs.version: " + version + " but these fields are ECS " + ecs.version());
            }
        }
    }

    private void checkCategoryTypes() {
        EcsField category = ecs.field(CATEGORY);
        for (JsonNode categoryValue : values.getOrDefault(CATEGORY, List.of())) {
            List<String> expected = category.allowedValues().getOrDefault(categoryValue.asText(), List.of());
            for (JsonNode typeValue : values.getOrDefault(TYPE, List.of())) {
                if (!expected.isEmpty() && !expected.contains(typeValue.asText())) {
                    violations.add(TYPE + ": " + typeValue + " is not an expected type for " + CATEGORY + " "
                            + categoryValue + "; expected: " + expected);
                }
            }
        }
    }
}
