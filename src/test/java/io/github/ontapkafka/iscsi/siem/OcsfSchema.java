package io.github.ontapkafka.iscsi.siem;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * An OCSF schema read from its source directory (the layout of {@code ocsf/ocsf-schema}), optionally with one
 * extension directory, able to check an event attribute by attribute. For tests of the OCSF views.
 */
public final class OcsfSchema {

    private final OcsfDefinitions definitions;

    private OcsfSchema(OcsfDefinitions definitions) {
        this.definitions = definitions;
    }

    public static OcsfSchema load(Path schemaDir) {
        return new OcsfSchema(new OcsfCompiler(schemaDir, null).compile());
    }

    public static OcsfSchema load(Path schemaDir, Path extensionDir) {
        return new OcsfSchema(new OcsfCompiler(schemaDir, extensionDir).compile());
    }

    /**
     * Every way the event breaks the schema, each as "json.path: problem"; empty when the event is valid.
     * Recommended attributes that are missing are not reported.
     */
    public List<String> validate(JsonNode event) {
        return new OcsfEventValidator(definitions).validate(event);
    }

    /** The schema's version.json (at tag 1.5.0 it says 1.6.0-dev; see SOURCE.md). */
    public String version() {
        return definitions.version();
    }

    /** Profile names an event may list in metadata.profiles; extension profiles read "extension/profile". */
    public Set<String> profiles() {
        return definitions.profiles();
    }
}
