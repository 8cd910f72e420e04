package io.github.ontapkafka.iscsi.transform;

import org.apache.kafka.common.config.ConfigDef;

import java.util.Locale;

/** The two forms a transform writes its event in: its {@code output} setting. */
enum Output {
    /** A Struct with a Connect schema, for every converter: what the record does not give is null. */
    STRUCT,
    /**
     * A schemaless map with what the record does not give left out: with {@code JsonConverter} and
     * {@code schemas.enable=false}, clean JSON without nulls.
     */
    MAP;

    /** The setting's value: the name in lower case. */
    String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Output of(String configValue) {
        return valueOf(configValue.toUpperCase(Locale.ROOT));
    }

    /** Accepts either value, in any case. */
    static ConfigDef.Validator validator() {
        return ConfigDef.CaseInsensitiveValidString.in(STRUCT.configValue(), MAP.configValue());
    }
}
