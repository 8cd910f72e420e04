package io.github.ontapkafka.iscsi.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ontapkafka.iscsi.tracking.ChangeType;
import io.github.ontapkafka.iscsi.fixtures.AvroContract;
import io.github.ontapkafka.iscsi.fixtures.ConfluentRegistryApi;
import org.apache.avro.Schema;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Schema evolution guarded by a real registry rather than by our own reading of Avro's rules: the schemas as
 * released before (kept in {@code src/main/avro/released/}) are registered first, oldest first, under compatibility
 * BACKWARD, and the schema the connector produces now must be accepted as their successor. Changes that would break consumers are rejected, which shows that the guard bites.
 */
class SchemaEvolutionIT {

    @RegisterExtension
    static final ApicurioRegistry REGISTRY = new ApicurioRegistry();

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @MethodSource("io.github.ontapkafka.iscsi.fixtures.AvroContract#all")
    void theRegistryAcceptsTheConnectorsSchemaAsSuccessorOfEveryReleasedOne(AvroContract contract) throws IOException {
        ConfluentRegistryApi registry = REGISTRY.api();
        String subject = "evolution-" + contract.fileName();
        assertThat(registry.compatibility()).isEqualTo("BACKWARD");
        // A contract that never changed since its first release has no released copies: the committed one is it.
        List<Schema> history = contract.released().isEmpty() ? List.of(contract.committed()) : contract.released();
        registry.register(subject, history.get(0));
        for (Schema next : history.subList(1, history.size())) {
            assertThat(registry.isCompatible(subject, next)).as("release after release").isTrue();
            registry.register(subject, next);
        }

        assertThat(registry.isCompatible(subject, contract.generated())).as("compatibility check").isTrue();
        int id = registry.register(subject, contract.generated());

        assertThat(registry.schema(id)).isEqualTo(contract.generated());
        assertThat(registry.latest(subject)).isEqualTo(contract.generated());
    }

    static Stream<Arguments> changesThatBreakConsumers() throws IOException {
        return Stream.of(
                Arguments.of("a new field without a default", valueWith(fields -> fields.addObject()
                        .put("name", "severity").put("type", "string").put("doc", "How serious the event is."))),
                Arguments.of("event_type turned into an enum", valueWith(fields -> {
                    ObjectNode eventType = (ObjectNode) fields.get(1);
                    assertThat(eventType.get("name").asText()).isEqualTo("event_type");
                    ObjectNode enumType = eventType.putObject("type").put("type", "enum").put("name", "EventType");
                    Arrays.stream(ChangeType.values()).forEach(type -> enumType.withArray("symbols").add(type.name()));
                })));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changesThatBreakConsumers")
    void theRegistryRejectsAChangeThatWouldBreakConsumers(String change, Schema changed) throws IOException {
        ConfluentRegistryApi registry = REGISTRY.api();
        String subject = "rejected-" + change.replace(' ', '-');
        registry.register(subject, AvroContract.VALUE.committed());

        assertThat(registry.isCompatible(subject, changed)).as("compatibility check").isFalse();
        ConfluentRegistryApi.Rejected rejected = catchThrowableOfType(ConfluentRegistryApi.Rejected.class,
                () -> registry.register(subject, changed));

        assertThat(rejected).as("registration of the changed schema is refused").isNotNull();
        assertThat(rejected.status()).isEqualTo(409);
        assertThat(registry.latest(subject)).isEqualTo(AvroContract.VALUE.committed());
    }

    /** The committed value schema with its top-level fields changed by {@code change}. */
    private static Schema valueWith(Consumer<ArrayNode> change) throws IOException {
        ObjectNode schema = (ObjectNode) JSON.readTree(AvroContract.VALUE.file().toFile());
        change.accept((ArrayNode) schema.get("fields"));
        return new Schema.Parser().parse(schema.toString());
    }
}
