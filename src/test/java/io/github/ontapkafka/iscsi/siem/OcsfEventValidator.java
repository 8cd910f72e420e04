package io.github.ontapkafka.iscsi.siem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates one event against the compiled schema, mirroring the OCSF server's validator
 * ({@code ocsf/ocsf-server} {@code lib/schema/validator2.ex}) where it is strict, and stricter where it only
 * warns: a wrong enum sibling caption, a missing label for 99 (Other), a regex mismatch are violations here.
 */
final class OcsfEventValidator {

    private static final String OTHER = "99";
    private static final int ENUM_MEMBERS_SHOWN = 12;
    private static final Comparator<Map.Entry<String, String>> BY_NUMBER_THEN_TEXT = Comparator
            .comparing((Map.Entry<String, String> e) -> e.getKey().matches("-?\\d+") ? new BigInteger(e.getKey()) : null,
                    Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Map.Entry::getKey);

    private final OcsfDefinitions schema;
    private final OcsfTypeCheck typeCheck;
    private final List<String> violations = new ArrayList<>();
    private Set<String> eventProfiles = Set.of();

    OcsfEventValidator(OcsfDefinitions schema) {
        this.schema = schema;
        this.typeCheck = new OcsfTypeCheck(schema.types());
    }

    List<String> validate(JsonNode event) {
        if (!(event instanceof ObjectNode root)) {
            return List.of("(event): expected a JSON object but got " + JsonKinds.describe(event));
        }
        OcsfItem cls = eventClass(root);
        if (cls != null) {
            eventProfiles = declaredProfiles(root.path("metadata").path("profiles"));
            validateItem(root, cls, "");
            checkTypeUid(root);
        }
        return List.copyOf(violations);
    }

    private OcsfItem eventClass(ObjectNode event) {
        JsonNode classUid = event.get("class_uid");
        if (JsonKinds.isAbsent(classUid)) {
            violations.add("class_uid: required attribute is missing; without it no class can be checked");
        } else if (!classUid.canConvertToInt() || !classUid.isIntegralNumber()) {
            violations.add("class_uid: expected an integer but got " + JsonKinds.describe(classUid));
        } else if (!schema.classesByUid().containsKey(classUid.intValue())) {
            violations.add("class_uid: no class of this schema has uid " + classUid);
        } else {
            return schema.classesByUid().get(classUid.intValue());
        }
        return null;
    }

    /** Profile attributes count only when {@code metadata.profiles} lists the profile (OCSF rule). */
    private Set<String> declaredProfiles(JsonNode profiles) {
        Set<String> declared = new HashSet<>();
        for (int i = 0; i < profiles.size(); i++) {
            String profile = profiles.get(i).asText();
            if (profiles.get(i).isTextual() && !schema.profiles().contains(profile)) {
                violations.add("metadata.profiles[" + i + "]: \"" + profile + "\" is not a profile of this schema; known: " + schema.profiles());
            }
            declared.add(profile);
        }
        return declared;
    }

    private void validateItem(ObjectNode node, OcsfItem item, String path) {
        if (item.isOpen()) {
            return;
        }
        Map<String, OcsfAttribute> applicable = new LinkedHashMap<>();
        item.attributes().forEach((name, attribute) -> {
            if (attribute.appliesWith(eventProfiles)) {
                applicable.put(name, attribute);
            }
        });
        node.fieldNames().forEachRemaining(name -> {
            if (!applicable.containsKey(name)) {
                reportUndefined(item, name, path);
            }
        });
        applicable.values().forEach(attribute -> {
            JsonNode value = node.get(attribute.name());
            String attributePath = join(path, attribute.name());
            if (JsonKinds.isAbsent(value)) {
                if (attribute.isRequired()) {
                    violations.add(attributePath + ": required attribute of " + item.describe() + " is missing");
                }
            } else {
                checkValue(value, attribute, attributePath);
                checkEnum(node, value, attribute, path);
            }
        });
        checkConstraints(node, item, path);
    }

    private void reportUndefined(OcsfItem item, String name, String path) {
        OcsfAttribute gated = item.attributes().get(name);
        if (gated != null) {
            violations.add(join(path, name) + ": attribute of profile(s) " + gated.profiles()
                    + ", which metadata.profiles does not list");
        } else {
            violations.add(join(path, name) + ": attribute is not defined in " + item.describe());
        }
    }

    private void checkValue(JsonNode value, OcsfAttribute attribute, String path) {
        if (!attribute.isArray()) {
            checkSingle(value, attribute, path);
        } else if (!value.isArray()) {
            violations.add(path + ": expected an array of " + typeName(attribute) + " but got " + JsonKinds.describe(value));
        } else {
            for (int i = 0; i < value.size(); i++) {
                checkSingle(value.get(i), attribute, path + "[" + i + "]");
            }
        }
    }

    private void checkSingle(JsonNode value, OcsfAttribute attribute, String path) {
        if (!attribute.isObject()) {
            typeCheck.check(value, attribute.type(), path, violations);
        } else if (value instanceof ObjectNode object) {
            OcsfItem definition = schema.objects().get(attribute.objectType());
            if (definition == null) {
                throw new IllegalStateException("OCSF object \"" + attribute.objectType() + "\" is not defined");
            }
            validateItem(object, definition, path);
        } else {
            violations.add(path + ": expected object \"" + attribute.objectType() + "\" but got " + JsonKinds.describe(value));
        }
    }

    private void checkEnum(ObjectNode node, JsonNode value, OcsfAttribute attribute, String path) {
        if (attribute.enumCaptions().isEmpty()) {
            return;
        }
        JsonNode sibling = attribute.sibling() == null ? null : node.get(attribute.sibling());
        if (attribute.isArray() && value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                checkEnumMember(value.get(i), sibling == null ? null : sibling.path(i), attribute,
                        join(path, attribute.name()) + "[" + i + "]", join(path, attribute.sibling()) + "[" + i + "]");
            }
        } else if (!attribute.isArray()) {
            checkEnumMember(value, sibling, attribute, join(path, attribute.name()), join(path, attribute.sibling()));
        }
    }

    /**
     * The sibling string carries the enum caption, except for 99 (Other), where it must carry the source's own
     * label (OCSF "understanding-ocsf", enum attributes).
     */
    private void checkEnumMember(JsonNode value, JsonNode sibling, OcsfAttribute attribute, String path, String siblingPath) {
        String key = value.isIntegralNumber() ? value.bigIntegerValue().toString() : value.isTextual() ? value.textValue() : null;
        if (key == null) {
            return;
        }
        if (!attribute.enumCaptions().containsKey(key)) {
            violations.add(path + ": " + value + " is not a member of the " + attribute.name() + " enum; allowed: " + members(attribute));
        } else if (attribute.sibling() != null && key.equals(OTHER)) {
            if (JsonKinds.isAbsent(sibling) || !sibling.isTextual() || sibling.asText().isBlank()) {
                violations.add(siblingPath + ": must carry the source's own label because " + attribute.name() + " is 99 (Other)");
            }
        } else if (attribute.sibling() != null && !JsonKinds.isAbsent(sibling)
                && !attribute.enumCaptions().get(key).equals(sibling.asText())) {
            violations.add(siblingPath + ": " + sibling + " does not match \"" + attribute.enumCaptions().get(key)
                    + "\", the caption of " + attribute.name() + " " + key);
        }
    }

    private void checkConstraints(ObjectNode node, OcsfItem item, String path) {
        item.constraints().forEach((kind, names) -> {
            List<String> present = names.stream().filter(n -> !JsonKinds.isAbsent(node.get(n))).toList();
            String where = path.isEmpty() ? "(event)" : path;
            switch (kind) {
                case "at_least_one" -> {
                    if (present.isEmpty()) {
                        violations.add(where + ": " + item.describe() + " needs at least one of " + names);
                    }
                }
                case "just_one" -> {
                    if (present.size() != 1) {
                        violations.add(where + ": " + item.describe() + " needs exactly one of " + names + ", has " + present);
                    }
                }
                default -> violations.add(where + ": " + item.describe() + " has constraint \"" + kind + "\", unknown to this validator");
            }
        });
    }

    private void checkTypeUid(ObjectNode event) {
        JsonNode classUid = event.path("class_uid");
        JsonNode activityId = event.path("activity_id");
        JsonNode typeUid = event.path("type_uid");
        if (classUid.isIntegralNumber() && activityId.isIntegralNumber() && typeUid.isIntegralNumber()) {
            long expected = classUid.longValue() * 100 + activityId.longValue();
            if (typeUid.longValue() != expected) {
                violations.add("type_uid: " + typeUid + " but class_uid " + classUid + " × 100 + activity_id "
                        + activityId + " = " + expected);
            }
        }
    }

    private static String members(OcsfAttribute attribute) {
        String shown = attribute.enumCaptions().entrySet().stream().sorted(BY_NUMBER_THEN_TEXT).limit(ENUM_MEMBERS_SHOWN)
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        return attribute.enumCaptions().size() > ENUM_MEMBERS_SHOWN ? shown + ", …" : shown;
    }

    private static String typeName(OcsfAttribute attribute) {
        return attribute.isObject() ? "object \"" + attribute.objectType() + "\"" : attribute.type();
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
