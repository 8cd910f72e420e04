package io.github.ontapkafka.iscsi.transform;

import org.apache.kafka.connect.data.Struct;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Reads a connector record's value by field name, null-safe all the way down: a missing struct, a null field and a
 * field the record's schema lacks all read as null. The last matters because the transform may see records written by
 * an older or newer connector (from a topic, on the sink side), whose schemas differ by optional fields.
 */
final class SourceStruct {

    private static final SourceStruct ABSENT = new SourceStruct(null);

    private final Struct struct;

    private SourceStruct(Struct struct) {
        this.struct = struct;
    }

    static SourceStruct of(Struct struct) {
        return struct == null ? ABSENT : new SourceStruct(struct);
    }

    String string(String field) {
        return (String) get(field);
    }

    Integer int32(String field) {
        return (Integer) get(field);
    }

    Long int64(String field) {
        return (Long) get(field);
    }

    Boolean bool(String field) {
        return (Boolean) get(field);
    }

    /** A Connect Timestamp as epoch milliseconds; a plain int64 is taken as such (a schemaless or re-typed copy). */
    Long millis(String field) {
        Object value = get(field);
        return value instanceof Date date ? Long.valueOf(date.getTime()) : (Long) value;
    }

    SourceStruct struct(String field) {
        return of((Struct) get(field));
    }

    /** The structs of an array field; null when the field is null or absent, which differs from empty. */
    List<SourceStruct> structs(String field) {
        List<?> values = (List<?>) get(field);
        if (values == null) {
            return null;
        }
        List<SourceStruct> structs = new ArrayList<>(values.size());
        values.forEach(value -> structs.add(of((Struct) value)));
        return structs;
    }

    private Object get(String field) {
        return struct == null || struct.schema().field(field) == null ? null : struct.get(field);
    }
}
