package io.github.ontapkafka.iscsi.transform;

import io.github.ontapkafka.iscsi.event.EventSchemas;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code struct} output: one Connect schema for every document the transform writes, each field optional, so
 * that a converter with schemas gets a fixed shape and a field a record lacks is null. Dates are ISO-8601 text as
 * in the {@code map} output, so that both give the same JSON. ECS field names are kept as they are, {@code @timestamp}
 * included: legal in Connect and JSON, not an Avro name (see {@link ToEcs} for Avro).
 */
final class EcsStruct {

    private static final Schema TEXT = Schema.OPTIONAL_STRING_SCHEMA;
    private static final Schema NUMBER = Schema.OPTIONAL_INT64_SCHEMA;
    private static final Schema TEXTS = SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build();

    private static final Schema ADDRESS_AND_PORT = object().field("address", TEXT).field("port", NUMBER).build();
    private static final Schema ENDPOINT = object().field("address", TEXT).field("ip", TEXT).field("port", NUMBER)
            .build();
    private static final Schema NAME_AND_UUID = object().field("name", TEXT).field("uuid", TEXT).build();
    private static final Schema CONNECTIONS = SchemaBuilder.array(object()
            .field("cid", NUMBER)
            .field("authentication_type", TEXT)
            .field("initiator_address", ADDRESS_AND_PORT)
            .field("interface", object().field("name", TEXT).field("uuid", TEXT).field("ip", ADDRESS_AND_PORT).build())
            .build()).optional().build();

    static final Schema SCHEMA = SchemaBuilder.struct().name(EventSchemas.NAMESPACE + ".EcsDocument")
            .doc("An event of the connector in Elastic Common Schema (ECS) " + Ecs.VERSION + ", custom fields under "
                    + Ecs.CUSTOM_NAMESPACE + ".")
            .field("@timestamp", TEXT)
            .field("ecs", object().field("version", TEXT).build())
            .field("event", object()
                    .field("kind", TEXT).field("category", TEXTS).field("type", TEXTS).field("action", TEXT)
                    .field("outcome", TEXT).field("id", TEXT).field("code", TEXT).field("reason", TEXT)
                    .field("severity", NUMBER).field("created", TEXT).field("start", TEXT).field("end", TEXT)
                    .field("duration", NUMBER).field("module", TEXT).field("dataset", TEXT).field("provider", TEXT)
                    .build())
            .field("log", object().field("level", TEXT).build())
            .field("message", TEXT)
            .field("observer", object()
                    .field("vendor", TEXT).field("product", TEXT).field("type", TEXT).field("name", TEXT)
                    .field("hostname", TEXT)
                    .field("ingress", object().field("interface", object().field("name", TEXT).field("id", TEXT)
                            .build()).build())
                    .build())
            .field("user", object().field("name", TEXT)
                    .field("group", object().field("name", TEXT).field("id", TEXT).build()).build())
            .field("source", ENDPOINT)
            .field("destination", ENDPOINT)
            .field("network", object().field("transport", TEXT).field("protocol", TEXT).field("type", TEXT)
                    .field("direction", TEXT).build())
            .field("related", object().field("ip", TEXTS).field("user", TEXTS).build())
            .field(Ecs.CUSTOM_NAMESPACE, object()
                    .field("cluster", object().field("uuid", TEXT).build())
                    .field("node", object().field("uuid", TEXT).build())
                    .field("svm", NAME_AND_UUID)
                    .field("iscsi", object()
                            .field("target_portal_group", TEXT).field("target_portal_group_tag", NUMBER)
                            .field("tsih", NUMBER).field("isid", TEXT)
                            .field("initiator", object().field("alias", TEXT).field("comment", TEXT).build())
                            .field("igroups", SchemaBuilder.array(NAME_AND_UUID).optional().build())
                            .field("connections", CONNECTIONS)
                            .field("connections_added", CONNECTIONS)
                            .field("connections_removed", CONNECTIONS)
                            .field("first_seen_is_lower_bound", Schema.OPTIONAL_BOOLEAN_SCHEMA)
                            .field("previous_observed_at", TEXT)
                            .build())
                    .field("ems", object()
                            .field("event_kind", TEXT).field("index", NUMBER).field("portset", TEXT)
                            .field("source", TEXT)
                            .field("parameters", SchemaBuilder.array(object().field("name", TEXT).field("value", TEXT)
                                    .build()).optional().build())
                            .build())
                    .build())
            .build();

    private EcsStruct() {
    }

    private static SchemaBuilder object() {
        return SchemaBuilder.struct().optional();
    }

    /** The document as a struct of {@link #SCHEMA}; a field the schema lacks is a defect of the transform. */
    static Struct of(Map<String, Object> document) {
        return struct(SCHEMA, document, "");
    }

    private static Struct struct(Schema schema, Map<?, ?> values, String path) {
        Struct struct = new Struct(schema);
        values.forEach((name, value) -> {
            Field field = schema.field(name.toString());
            if (field == null) {
                throw new DataException("ECS field " + path + name + " has no place in the struct output's schema");
            }
            struct.put(field, convert(field.schema(), value, path + name + "."));
        });
        return struct;
    }

    private static Object convert(Schema schema, Object value, String path) {
        return switch (schema.type()) {
            case STRUCT -> struct(schema, (Map<?, ?>) value, path);
            case ARRAY -> {
                List<Object> elements = new ArrayList<>();
                ((List<?>) value).forEach(element -> elements.add(convert(schema.valueSchema(), element, path)));
                yield elements;
            }
            case INT64 -> ((Number) value).longValue();
            default -> value;
        };
    }
}
