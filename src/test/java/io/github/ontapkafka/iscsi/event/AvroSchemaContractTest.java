package io.github.ontapkafka.iscsi.event;

import io.github.ontapkafka.iscsi.fixtures.AvroContract;
import io.github.ontapkafka.iscsi.tracking.ChangeType;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaFormatter;
import org.apache.kafka.connect.data.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event contract as Avro consumers see it. The committed {@code .avsc} files are exactly what a Connect Avro
 * converter makes of the connector's schemas (after an intended change, rewrite them with
 * {@code -Davro.update=true}; {@code SchemaEvolutionIT} then tells whether a registry accepts the change), and they
 * are clean Avro: named, documented, optional fields nullable with a null default.
 */
class AvroSchemaContractTest {

    private static final String CONTRACTS = "io.github.ontapkafka.iscsi.fixtures.AvroContract#all";

    @ParameterizedTest
    @MethodSource(CONTRACTS)
    void theCommittedSchemaIsWhatTheConnectorProduces(AvroContract contract) throws IOException {
        String expected = SchemaFormatter.format("json/pretty", contract.generated()) + "\n";
        String actual = Files.exists(contract.file()) ? Files.readString(contract.file(), StandardCharsets.UTF_8) : "";
        if (!actual.equals(expected) && Boolean.getBoolean("avro.update")) {
            Files.createDirectories(contract.file().getParent());
            Files.writeString(contract.file(), expected, StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual).as(contract.file() + " (regenerate with -Davro.update=true)").isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource(CONTRACTS)
    void everyRecordIsNamedInTheEventNamespaceAndEveryRecordAndFieldIsDocumented(AvroContract contract)
            throws IOException {
        Collection<Schema> records = records(contract.committed());

        assertThat(records).isNotEmpty();
        for (Schema record : records) {
            assertThat(record.getNamespace()).as(record.getFullName()).isEqualTo(EventSchemas.NAMESPACE);
            assertThat(record.getDoc()).as("doc of " + record.getFullName()).isNotBlank();
            for (Schema.Field field : record.getFields()) {
                assertThat(field.doc()).as("doc of " + record.getName() + "." + field.name()).isNotBlank();
            }
        }
    }

    @ParameterizedTest
    @MethodSource(CONTRACTS)
    void optionalFieldsAreNullFirstUnionsDefaultingToNullAndRequiredOnesHaveNoDefault(AvroContract contract)
            throws IOException {
        assertNullability(contract.connectSchema(), contract.committed());
    }

    /** Walks a Connect struct and its Avro record side by side. */
    private static void assertNullability(org.apache.kafka.connect.data.Schema struct, Schema record) {
        assertThat(record.getFields()).extracting(Schema.Field::name)
                .containsExactlyElementsOf(struct.fields().stream().map(Field::name).toList());
        for (Field field : struct.fields()) {
            Schema.Field avroField = record.getField(field.name());
            String name = record.getName() + "." + field.name();
            Schema type = avroField.schema();
            if (field.schema().isOptional()) {
                assertThat(type.getType()).as(name).isEqualTo(Schema.Type.UNION);
                assertThat(type.getTypes()).as(name).hasSize(2);
                assertThat(type.getTypes().get(0).getType()).as(name + " is null first").isEqualTo(Schema.Type.NULL);
                assertThat(avroField.defaultVal()).as(name + " defaults to null").isEqualTo(JsonProperties.NULL_VALUE);
                type = type.getTypes().get(1);
            } else {
                assertThat(type.getType()).as(name).isNotEqualTo(Schema.Type.UNION);
                assertThat(avroField.hasDefaultValue()).as(name + " has no default").isFalse();
            }
            org.apache.kafka.connect.data.Schema connectType = field.schema();
            if (connectType.type() == org.apache.kafka.connect.data.Schema.Type.ARRAY) {
                connectType = connectType.valueSchema();
                type = type.getElementType();
            }
            if (connectType.type() == org.apache.kafka.connect.data.Schema.Type.STRUCT) {
                assertNullability(connectType, type);
            }
        }
    }

    /**
     * Avro's own rules, before the registry's (SchemaEvolutionIT): the committed schema reads what every earlier
     * release wrote, and the session events did evolve, so that the check is not of a schema against itself.
     */
    @ParameterizedTest
    @MethodSource(CONTRACTS)
    void theCommittedSchemaReadsWhatEveryEarlierReleaseWrote(AvroContract contract) throws IOException {
        for (Schema released : contract.released()) {
            SchemaCompatibility.SchemaPairCompatibility compatibility =
                    SchemaCompatibility.checkReaderWriterCompatibility(contract.committed(), released);
            assertThat(compatibility.getType()).as(contract + " reading data of " + released.getFullName() + ": "
                    + compatibility.getDescription()).isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @Test
    void theSessionEventsReleasedVersionOneAndHaveMovedOnSince() throws IOException {
        assertThat(AvroContract.VALUE.released()).hasSize(1);
        assertThat(AvroContract.VALUE.released().get(0)).isNotEqualTo(AvroContract.VALUE.committed());
        assertThat(AvroContract.VALUE.released().get(0).getField("first_seen_at")).isNull();
    }

    @Test
    void timestampsAreTimestampMillis() throws IOException {
        Schema value = AvroContract.VALUE.committed();

        assertThat(value.getField("observed_at").schema().getLogicalType()).isEqualTo(LogicalTypes.timestampMillis());
        for (String optional : List.of("previous_observed_at", "first_seen_at")) {
            assertThat(value.getField(optional).schema().getTypes().get(1).getLogicalType()).as(optional)
                    .isEqualTo(LogicalTypes.timestampMillis());
        }
    }

    @Test
    void eventTypeIsAStringWhoseDocNamesEveryType() throws IOException {
        Schema.Field eventType = AvroContract.VALUE.committed().getField("event_type");

        assertThat(eventType.schema().getType()).isEqualTo(Schema.Type.STRING);
        assertThat(eventType.doc()).contains(Arrays.stream(ChangeType.values()).map(Enum::name).toList());
    }

    /** Every named record reachable from {@code schema}, once each. */
    private static Collection<Schema> records(Schema schema) {
        Map<String, Schema> found = new LinkedHashMap<>();
        collectRecords(schema, found);
        return found.values();
    }

    private static void collectRecords(Schema schema, Map<String, Schema> found) {
        switch (schema.getType()) {
            case RECORD -> {
                if (found.putIfAbsent(schema.getFullName(), schema) == null) {
                    schema.getFields().forEach(field -> collectRecords(field.schema(), found));
                }
            }
            case UNION -> schema.getTypes().forEach(type -> collectRecords(type, found));
            case ARRAY -> collectRecords(schema.getElementType(), found);
            default -> {
            }
        }
    }
}
