package io.github.ontapkafka.iscsi.siem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Elastic Common Schema fields of one release, read from its generated {@code ecs_flat.yml}, able to check a
 * document as Elasticsearch ingests it (nested JSON) field by field. For tests of the ECS views.
 */
public final class EcsFields {

    private final String version;
    private final Map<String, EcsField> fields;

    private EcsFields(String version, Map<String, EcsField> fields) {
        this.version = version;
        this.fields = fields;
    }

    /**
     * Reads {@code ecs_flat.yml} and the ECS repository's one-line {@code version} file beside it (the flat file
     * itself does not say which release it is).
     */
    public static EcsFields load(Path ecsFlatYml) {
        Path versionFile = ecsFlatYml.resolveSibling("version");
        try {
            if (!Files.isRegularFile(versionFile)) {
                throw new IllegalArgumentException("no ECS version file beside " + ecsFlatYml + " (expected " + versionFile + ")");
            }
            Map<String, EcsField> fields = new HashMap<>();
            new YAMLMapper().readTree(ecsFlatYml.toFile()).properties()
                    .forEach(e -> fields.put(e.getKey(), EcsField.of(e.getKey(), e.getValue())));
            return new EcsFields(Files.readString(versionFile).strip(), Map.copyOf(fields));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ECS fields from " + ecsFlatYml, e);
        }
    }

    /**
     * Every way the document breaks ECS, each as "dotted.path: problem"; empty when valid. Leaves under one of
     * {@code customPrefixes} (e.g. "ontap." or "ontap") are accepted unchecked, and such a prefix must not lie
     * inside an ECS field set.
     */
    public List<String> validate(JsonNode document, Set<String> customPrefixes) {
        return new EcsDocumentValidator(this, customPrefixes).validate(document);
    }

    public String version() {
        return version;
    }

    EcsField field(String name) {
        return fields.get(name);
    }

    Iterable<EcsField> all() {
        return fields.values();
    }

    /** Whether ECS defines fields below this path, as it does below the objects {@code log.syslog} or {@code observer.ingress}. */
    boolean definesFieldsUnder(String path) {
        String prefix = path + ".";
        return fields.keySet().stream().anyMatch(name -> name.startsWith(prefix));
    }

    /** Whether this is the first segment of an ECS field name, i.e. an ECS field set or a top-level field. */
    boolean isTopLevelName(String name) {
        return fields.keySet().stream().anyMatch(f -> f.equals(name) || f.startsWith(name + "."));
    }
}
