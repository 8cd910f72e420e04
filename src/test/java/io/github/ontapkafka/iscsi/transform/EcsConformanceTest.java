package io.github.ontapkafka.iscsi.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ontapkafka.iscsi.siem.EcsFields;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every document the transform writes follows the ECS release it names, as the vendored field reference of that
 * release defines it: in both outputs (the struct as JsonConverter with {@code schemas.enable=false} writes it,
 * a null field being an absent one), from the connector's records as the source connector has them and as a sink
 * reads them back from schemaless JSON.
 */
class EcsConformanceTest {

    private static final EcsFields ECS = EcsFields.load(Path.of("src/test/resources/ecs", Ecs.VERSION,
            "ecs_flat.yml"));
    private static final Set<String> CUSTOM = Set.of(Ecs.CUSTOM_NAMESPACE);

    @Test
    void theTransformNamesTheVendoredRelease() {
        assertThat(ECS.version()).isEqualTo(Ecs.VERSION);
    }

    @Test
    void everyDocumentOfBothOutputsFollowsEcs() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, SourceRecord> input : EcsInputs.everyKind().entrySet()) {
            SourceRecord record = input.getValue();
            SourceRecord schemaless = record.newRecord(record.topic(), null, null, null, null,
                    EcsInputs.schemaless(record), record.timestamp());
            for (SourceRecord source : List.of(record, schemaless)) {
                String name = input.getKey() + (source == record ? "" : " (schemaless input)");
                collect(violations, name + ", output map", ToEcsTest.json(ToEcsTest.mapped(source)));
                collect(violations, name + ", output struct",
                        ToEcsTest.withoutNulls(ToEcsTest.json(ToEcsTest.transform("struct").apply(source))));
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theValidatorWouldSeeAnEventTypeEcsDoesNotExpectForTheCategory() throws IOException {
        ObjectNode login = (ObjectNode) ToEcsTest.json(ToEcsTest.mapped(EcsInputs.everyKind().get("LOGIN")));
        ((ObjectNode) login.get("event")).putArray("type").add("change");

        assertThat(ECS.validate(login, CUSTOM)).isNotEmpty();
    }

    private static void collect(List<String> violations, String name, JsonNode document) {
        ECS.validate(document, CUSTOM).forEach(violation -> violations.add(name + ": " + violation));
    }
}
