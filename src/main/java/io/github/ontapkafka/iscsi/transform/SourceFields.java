package io.github.ontapkafka.iscsi.transform;

import org.apache.kafka.connect.data.Struct;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a value of the connector's records alike whether it arrives as a {@link Struct} (the source connector
 * itself, or a sink reading Avro or JSON with schemas) or as a {@link Map} (a sink reading JSON without schemas),
 * so that the transform runs on either side of the topic. A field the value does not have reads as null: records
 * written before a field was added to the contract simply lack it.
 */
final class SourceFields {

    private final Struct struct;
    private final Map<?, ?> map;

    private SourceFields(Struct struct, Map<?, ?> map) {
        this.struct = struct;
        this.map = map;
    }

    /** The fields of {@code value}, or null when it is neither a struct nor a map (a tombstone, a string, ...). */
    static SourceFields of(Object value) {
        if (value instanceof Struct s) {
            return new SourceFields(s, null);
        }
        if (value instanceof Map<?, ?> m) {
            return new SourceFields(null, m);
        }
        return null;
    }

    boolean has(String name) {
        return struct != null ? struct.schema().field(name) != null : map.containsKey(name);
    }

    private Object raw(String name) {
        if (struct != null) {
            return struct.schema().field(name) == null ? null : struct.get(name);
        }
        return map.get(name);
    }

    String string(String name) {
        Object value = raw(name);
        return value == null ? null : value.toString();
    }

    /** Integers come as Integer from a struct, as Long from schemaless JSON. */
    Long number(String name) {
        Object value = raw(name);
        return value instanceof Number n ? n.longValue() : null;
    }

    Boolean bool(String name) {
        return raw(name) instanceof Boolean b ? b : null;
    }

    /** A Connect Timestamp arrives as a Date with a schema, as epoch milliseconds without one. */
    Instant instant(String name) {
        Object value = raw(name);
        if (value instanceof Date date) {
            return date.toInstant();
        }
        return value instanceof Number millis ? Instant.ofEpochMilli(millis.longValue()) : null;
    }

    SourceFields child(String name) {
        return of(raw(name));
    }

    /** The elements of a list of structs; empty when the field is absent or null. */
    List<SourceFields> list(String name) {
        List<SourceFields> elements = new ArrayList<>();
        if (raw(name) instanceof List<?> list) {
            for (Object element : list) {
                SourceFields fields = of(element);
                if (fields != null) {
                    elements.add(fields);
                }
            }
        }
        return elements;
    }

    /** The whole value as nested maps without null fields, timestamps as ISO-8601 text. */
    Map<String, Object> toMap() {
        Map<String, Object> copy = new LinkedHashMap<>();
        if (struct != null) {
            struct.schema().fields().forEach(field -> putCopy(copy, field.name(), struct.get(field)));
        } else {
            map.forEach((name, value) -> putCopy(copy, String.valueOf(name), value));
        }
        return copy;
    }

    private static void putCopy(Map<String, Object> copy, String name, Object value) {
        Object copied = copyOf(value);
        if (copied != null) {
            copy.put(name, copied);
        }
    }

    private static Object copyOf(Object value) {
        if (value instanceof Struct || value instanceof Map<?, ?>) {
            return of(value).toMap();
        }
        if (value instanceof List<?> list) {
            List<Object> copies = new ArrayList<>(list.size());
            list.forEach(element -> copies.add(copyOf(element)));
            return copies;
        }
        return value instanceof Date date ? date.toInstant().toString() : value;
    }
}
