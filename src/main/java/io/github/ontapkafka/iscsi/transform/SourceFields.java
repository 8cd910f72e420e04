package io.github.ontapkafka.iscsi.transform;

import io.github.ontapkafka.iscsi.event.EmsEventKind;
import org.apache.kafka.connect.data.Struct;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a value of the connector's records alike whether it arrives as a {@link Struct} (the source connector
 * itself, or a sink reading Avro or JSON with schemas) or as a {@link Map} (a sink reading JSON without schemas),
 * so that the transforms run on either side of the topic. A field the value does not have reads as null: records
 * written before a field was added to the contract simply lack it. An absent nested value reads as an empty one, so
 * that a chain such as {@code value.child("session").child("svm").string("name")} is null-safe all the way down.
 */
final class SourceFields {

    /** A value of which nothing is known: every field reads as null, every child as absent, every list as empty. */
    static final SourceFields ABSENT = new SourceFields(null, Map.of());

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

    /** A session event: the table records have a session too, but no event_type. */
    boolean isSessionEvent() {
        return has("session") && string("event_type") != null;
    }

    boolean isEmsEvent() {
        return has("event_kind") && has("message_name") && has("node_uuid");
    }

    /** The EMS record's kind; one a newer connector adds reads as OTHER, as an unknown message does. */
    EmsEventKind emsEventKind() {
        String name = string("event_kind");
        for (EmsEventKind kind : EmsEventKind.values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return EmsEventKind.OTHER;
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

    /** An int32 field: JSON without schemas gives it as a Long. */
    Integer integer(String name) {
        Object value = raw(name);
        return value instanceof Number n ? n.intValue() : null;
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

    /** {@link #instant} as epoch milliseconds. */
    Long millis(String name) {
        Instant instant = instant(name);
        return instant == null ? null : instant.toEpochMilli();
    }

    /** The nested struct or map; an empty one, whose every field reads as null, when there is none. */
    SourceFields child(String name) {
        SourceFields child = of(raw(name));
        return child == null ? ABSENT : child;
    }

    /** The elements of a list of structs; empty when the field is absent or null. */
    List<SourceFields> list(String name) {
        List<SourceFields> elements = listOrNull(name);
        return elements == null ? List.of() : elements;
    }

    /**
     * The connections of the list field {@code name} in {@code cid} order, any without a cid last; empty when the
     * field is absent. The first is the connection whose endpoints both SIEM forms report.
     */
    List<SourceFields> byCid(String name) {
        List<SourceFields> sorted = new ArrayList<>(list(name));
        sorted.sort(Comparator.comparing(connection -> connection.number("cid"), Comparator.nullsLast(Long::compare)));
        return sorted;
    }

    /** The elements of a list of structs; null when the field is absent or null, for output that tells it from empty. */
    List<SourceFields> listOrNull(String name) {
        if (!(raw(name) instanceof List<?> list)) {
            return null;
        }
        List<SourceFields> elements = new ArrayList<>(list.size());
        for (Object element : list) {
            SourceFields fields = of(element);
            if (fields != null) {
                elements.add(fields);
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
