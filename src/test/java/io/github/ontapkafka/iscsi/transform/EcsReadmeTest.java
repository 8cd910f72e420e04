package io.github.ontapkafka.iscsi.transform;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ontapkafka.iscsi.fixtures.ReadmeSection;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * README's ECS section shows the transform's settings and one document of each kind, generated here from records
 * the connector's own code builds; the test fails when README and transform drift apart. Run with
 * {@code -Dreadme.update=true} to rewrite them.
 */
class EcsReadmeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SAMPLES = List.of("LOGIN", "LOGOUT", "CONNECTION_CHANGE", "SNAPSHOT",
            "EMS refused login");

    @Test
    void readmeDocumentsTheTransformsSettings() throws IOException {
        ReadmeSection.assertGenerated("ecs-transform-config", ReadmeSection.configTable(ToEcs.CONFIG_DEF));
    }

    @Test
    void readmeShowsTheDocumentsTheTransformWrites() throws IOException {
        Map<String, SourceRecord> records = EcsInputs.everyKind();
        StringBuilder out = new StringBuilder();
        for (String sample : SAMPLES) {
            out.append("\n").append(sample).append(":\n\n```json\n")
                    .append(compact(ToEcsTest.mapped(records.get(sample)))).append("\n```\n");
        }
        ReadmeSection.assertGenerated("ecs-samples", out.substring(1));
    }

    /** One line per top-level field set, as README shows JSON. */
    private static String compact(Map<String, Object> document) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Object> field : document.entrySet()) {
            lines.add(JSON.writeValueAsString(field.getKey()) + ": " + JSON.writeValueAsString(field.getValue()));
        }
        return "{" + String.join(",\n ", lines) + "}";
    }
}
