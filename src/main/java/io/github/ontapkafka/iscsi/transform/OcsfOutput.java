package io.github.ontapkafka.iscsi.transform;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The two forms {@link ToOcsf} writes an event in, its {@code output} setting. */
enum OcsfOutput {
    /** A Struct with {@link OcsfSchemas#AUTHENTICATION}: for every converter; absent attributes are null. */
    STRUCT {
        @Override
        Schema schema() {
            return OcsfSchemas.AUTHENTICATION;
        }

        @Override
        Object render(Struct event) {
            return event;
        }
    },
    /**
     * A schemaless map with the absent attributes left out: with {@code JsonConverter} and
     * {@code schemas.enable=false}, the OCSF JSON that Splunk's HTTP Event Collector and Firehose want, no nulls.
     */
    MAP {
        @Override
        Schema schema() {
            return null;
        }

        @Override
        Object render(Struct event) {
            return mapOf(event);
        }
    };

    abstract Schema schema();

    abstract Object render(Struct event);

    /** The setting's value: its name in lower case. */
    String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static OcsfOutput of(String configValue) {
        return valueOf(configValue.toUpperCase(Locale.ROOT));
    }

    private static Map<String, Object> mapOf(Struct struct) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Field field : struct.schema().fields()) {
            Object value = plain(struct.get(field));
            if (value != null) {
                map.put(field.name(), value);
            }
        }
        return map;
    }

    private static Object plain(Object value) {
        if (value instanceof Struct struct) {
            return mapOf(struct);
        }
        if (value instanceof List<?> list) {
            List<Object> plain = new ArrayList<>(list.size());
            list.forEach(element -> plain.add(plain(element)));
            return plain;
        }
        return value;
    }
}
