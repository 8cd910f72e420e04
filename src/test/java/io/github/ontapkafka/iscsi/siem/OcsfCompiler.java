package io.github.ontapkafka.iscsi.siem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compiles an OCSF schema directory, and optionally one extension directory, into flattened classes and objects,
 * following the steps of the official compiler ({@code ocsf/ocsf-schema-compiler} {@code SchemaCompiler.compile})
 * that matter for validating events: includes, extension merge, patches, {@code extends}, class/category/type
 * uids and their enums, the observable type enum, the {@code datetime} profile's {@code _dt} siblings, and the
 * final merge of every attribute with its dictionary definition.
 */
final class OcsfCompiler {

    private static final String DATETIME = "datetime";

    private final Path schemaDir;
    private final Path extensionDir;
    private final ObjectNode dictionary;
    private final ObjectNode categories;
    private final Map<String, ObjectNode> classes;
    private final Map<String, ObjectNode> objects;
    private final Map<String, ObjectNode> profiles;
    private final Map<String, List<ObjectNode>> classPatches = new LinkedHashMap<>();
    private final Map<String, List<ObjectNode>> objectPatches = new LinkedHashMap<>();

    OcsfCompiler(Path schemaDir, Path extensionDir) {
        this.schemaDir = schemaDir;
        this.extensionDir = extensionDir;
        this.dictionary = OcsfFiles.read(schemaDir.resolve("dictionary.json"));
        this.categories = OcsfFiles.attributes(OcsfFiles.read(schemaDir.resolve("categories.json")));
        this.classes = OcsfFiles.readItems(schemaDir.resolve("events"));
        this.objects = OcsfFiles.readItems(schemaDir.resolve("objects"));
        this.profiles = OcsfFiles.readItems(schemaDir.resolve("profiles"));
    }

    OcsfDefinitions compile() {
        OcsfIncludes includes = new OcsfIncludes(List.of(schemaDir));
        classes.values().forEach(includes::resolve);
        objects.values().forEach(includes::resolve);
        if (extensionDir != null) {
            mergeExtension(OcsfExtension.read(extensionDir));
        }
        typeObjectAttributes();
        OcsfObservableTypes observables = new OcsfObservableTypes();
        observables.addItems(classes, "Class");
        observables.addPatches(classPatches, classes, "Class");
        observables.addItems(objects, "Object");
        observables.addPatches(objectPatches, objects, "Object");
        observables.addDictionary(dictionary);

        OcsfInheritance.applyPatches(classes, classPatches, "class");
        OcsfInheritance.flattenExtends(classes, "class");
        classes.entrySet().removeIf(e -> !e.getKey().equals("base_event") && !e.getValue().has("uid"));
        classes.forEach(this::numberClass);
        OcsfInheritance.applyPatches(objects, objectPatches, "object");
        OcsfInheritance.flattenExtends(objects, "object");
        objects.keySet().removeIf(name -> name.startsWith("_"));
        if (objects.containsKey("observable")) {
            observables.addTo(objects.get("observable"));
        }
        if (hasDatetimeProfile()) {
            addDatetimeSiblings();
        }
        return definitions();
    }

    private void mergeExtension(OcsfExtension extension) {
        extension.resolveIncludes(new OcsfIncludes(List.of(extension.directory(), schemaDir)));
        extension.scopeProfileReferences(profiles.keySet());
        mergeDictionary(extension);
        extension.objects.forEach((name, object) -> {
            if (objects.putIfAbsent(name, object) != null) {
                throw new IllegalArgumentException("extension \"" + extension.name + "\" object \"" + name
                        + "\" collides with a schema object; an extension changes an object by a patch");
            }
        });
        profiles.putAll(extension.scopedProfiles());
        extension.classPatches.forEach((name, list) -> classPatches.computeIfAbsent(name, k -> new ArrayList<>()).addAll(list));
        extension.objectPatches.forEach((name, list) -> objectPatches.computeIfAbsent(name, k -> new ArrayList<>()).addAll(list));
    }

    /** Extension dictionary attributes are added or safely merged; a type change or a clashing type is refused. */
    private void mergeDictionary(OcsfExtension extension) {
        ObjectNode attributes = OcsfFiles.attributes(dictionary);
        OcsfFiles.attributes(extension.dictionary).properties().forEach(e -> {
            JsonNode existing = attributes.get(e.getKey());
            if (existing == null) {
                attributes.set(e.getKey(), e.getValue());
            } else if (e.getValue().has("type") && !e.getValue().get("type").equals(existing.get("type"))) {
                throw new IllegalArgumentException("extension \"" + extension.name + "\" changes the type of dictionary attribute \"" + e.getKey() + "\"");
            } else {
                OcsfMerge.deepMerge((ObjectNode) existing, (ObjectNode) e.getValue());
            }
        });
        ObjectNode types = OcsfFiles.attributes(OcsfFiles.object(dictionary, "types"));
        OcsfFiles.attributes(OcsfFiles.object(extension.dictionary, "types")).properties().forEach(e -> {
            if (types.has(e.getKey())) {
                throw new IllegalArgumentException("extension \"" + extension.name + "\" redefines dictionary type \"" + e.getKey() + "\"");
            }
            types.set(e.getKey(), e.getValue());
        });
    }

    /** A dictionary attribute whose type is not a dictionary type names an object ({@code _enrich_dictionary_object_types}). */
    private void typeObjectAttributes() {
        ObjectNode types = OcsfFiles.attributes(OcsfFiles.object(dictionary, "types"));
        OcsfFiles.attributes(dictionary).properties().forEach(e -> {
            ObjectNode attribute = (ObjectNode) e.getValue();
            String type = attribute.path("type").asText();
            if (!types.has(type)) {
                if (!objects.containsKey(type)) {
                    throw new IllegalArgumentException("dictionary attribute \"" + e.getKey() + "\" has undefined type \"" + type + "\"");
                }
                attribute.put("type", "object_t").put("object_type", type);
            }
        });
    }

    /**
     * class_uid = category uid × 1000 + the class's own uid; the class_uid, category_uid and type_uid enums are
     * derived here ({@code _enrich_classes}), type_uid captions reading "Authentication: Logon".
     */
    private void numberClass(String name, ObjectNode cls) {
        String categoryKey = cls.path("category").asText();
        JsonNode category = categories.get(categoryKey);
        if (category == null && !categoryKey.equals("other")) {
            throw new IllegalArgumentException("class \"" + name + "\" has undefined category \"" + categoryKey + "\"");
        }
        int categoryUid = category == null ? 0 : category.path("uid").asInt();
        int uid = categoryUid * 1000 + cls.path("uid").asInt();
        cls.put("uid", uid);
        String caption = cls.path("caption").asText();
        ObjectNode attributes = OcsfFiles.attributes(cls);
        if (!(attributes.path("activity_id").path("enum") instanceof ObjectNode activities)) {
            throw new IllegalArgumentException("class \"" + name + "\" defines no activity_id enum");
        }
        ObjectNode typeUids = OcsfFiles.JSON.createObjectNode();
        activities.properties().forEach(a -> typeUids.putObject(String.valueOf(uid * 100L + Integer.parseInt(a.getKey())))
                .put("caption", caption + ": " + a.getValue().path("caption").asText()));
        typeUids.putObject(String.valueOf(uid * 100L)).put("caption", caption + ": Unknown");
        OcsfFiles.object(attributes, "type_uid").set("enum", typeUids);
        OcsfFiles.object(attributes, "class_uid").putObject("enum").putObject(String.valueOf(uid)).put("caption", caption);
        if (category != null) {
            OcsfFiles.object(attributes, "category_uid").putObject("enum").putObject(String.valueOf(categoryUid))
                    .put("caption", category.path("caption").asText());
        }
    }

    private boolean hasDatetimeProfile() {
        ObjectNode types = OcsfFiles.attributes(OcsfFiles.object(dictionary, "types"));
        return profiles.containsKey(DATETIME) && types.has("datetime_t") && types.has("timestamp_t");
    }

    /**
     * The {@code datetime} profile defines no attributes of its own: every timestamp_t attribute gets an optional
     * {@code <name>_dt} sibling of type datetime_t that only the datetime profile allows.
     */
    private void addDatetimeSiblings() {
        ObjectNode dictionaryAttributes = OcsfFiles.attributes(dictionary);
        Map<String, ObjectNode> dictionaryAdditions = new HashMap<>();
        dictionaryAttributes.properties().forEach(e -> {
            if (isTimestamp(e.getValue())) {
                dictionaryAdditions.put(e.getKey() + "_dt", ((ObjectNode) e.getValue().deepCopy()).put("type", "datetime_t"));
            }
        });
        dictionaryAdditions.forEach(dictionaryAttributes::set);
        List.of(classes, objects).forEach(items -> items.values().forEach(item -> {
            ObjectNode attributes = OcsfFiles.attributes(item);
            Map<String, ObjectNode> additions = new HashMap<>();
            attributes.properties().forEach(e -> {
                JsonNode type = e.getValue().has("type") ? e.getValue() : dictionaryAttributes.path(e.getKey());
                if (isTimestamp(type)) {
                    ObjectNode sibling = e.getValue().deepCopy();
                    sibling.set("profiles", OcsfFiles.stringArray(List.of(DATETIME)));
                    additions.put(e.getKey() + "_dt", sibling.put("requirement", "optional"));
                }
            });
            additions.forEach(attributes::set);
        }));
    }

    private static boolean isTimestamp(JsonNode definition) {
        return definition.path("type").asText().equals("timestamp_t");
    }

    private OcsfDefinitions definitions() {
        Map<Integer, OcsfItem> classesByUid = new HashMap<>();
        classes.forEach((name, cls) -> classesByUid.put(cls.get("uid").asInt(), item("class", name, cls)));
        Map<String, OcsfItem> compiledObjects = new HashMap<>();
        objects.forEach((name, object) -> compiledObjects.put(name, item("object", name, object)));
        Map<String, OcsfType> types = new HashMap<>();
        OcsfFiles.attributes(OcsfFiles.object(dictionary, "types")).properties()
                .forEach(e -> types.put(e.getKey(), OcsfType.of(e.getKey(), (ObjectNode) e.getValue())));
        String version = OcsfFiles.read(schemaDir.resolve("version.json")).path("version").asText();
        return new OcsfDefinitions(version, classesByUid, compiledObjects, types, new TreeSet<>(profiles.keySet()));
    }

    /** Each attribute is its dictionary definition with the item's details deep-merged on top ({@code _finish_item_attributes}). */
    private OcsfItem item(String kind, String name, ObjectNode source) {
        ObjectNode dictionaryAttributes = OcsfFiles.attributes(dictionary);
        Map<String, OcsfAttribute> attributes = new LinkedHashMap<>();
        OcsfFiles.attributes(source).properties().forEach(e -> {
            JsonNode definition = dictionaryAttributes.get(e.getKey());
            if (definition == null) {
                throw new IllegalArgumentException(kind + " \"" + name + "\" uses attribute \"" + e.getKey() + "\", which the dictionary does not define");
            }
            ObjectNode merged = definition.deepCopy();
            OcsfMerge.deepMerge(merged, (ObjectNode) e.getValue());
            attributes.put(e.getKey(), OcsfAttribute.of(e.getKey(), merged));
        });
        Map<String, List<String>> constraints = new LinkedHashMap<>();
        source.path("constraints").properties().forEach(e -> {
            List<String> names = new ArrayList<>();
            e.getValue().forEach(n -> names.add(n.asText()));
            constraints.put(e.getKey(), names);
        });
        Integer uid = kind.equals("class") ? source.get("uid").asInt() : null;
        return new OcsfItem(kind, name, uid, attributes, constraints);
    }
}
