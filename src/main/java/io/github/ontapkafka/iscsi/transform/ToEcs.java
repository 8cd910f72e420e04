package io.github.ontapkafka.iscsi.transform;

import io.github.ontapkafka.iscsi.event.Version;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.Transformation;

import java.util.Map;

/**
 * Turns the connector's session events and EMS records into Elastic Common Schema (ECS) {@value Ecs#VERSION}
 * documents, for Elasticsearch and the SIEMs that read ECS.
 *
 * <p>Session events: {@code @timestamp} and {@code event.created} are {@code observed_at}; LOGIN is
 * authentication and session, type start; LOGOUT the same, type end, with {@code event.end} and, when the record
 * has {@code duration_ms}, {@code event.duration} in nanoseconds; SNAPSHOT is {@code event.kind: state}, session,
 * info (a session already present, not a change); CONNECTION_CHANGE is session, info. LOGIN and LOGOUT have outcome
 * success, info events none. The initiator is {@code user.name} and {@code source}, the LIF of the first connection
 * by cid {@code destination}; every address is in {@code related.ip}. EMS records: a refused or failed login is
 * authentication, start, outcome failure, with ONTAP's message name in {@code event.code} and its text in
 * {@code message}; see {@link EmsEventToEcs}.
 *
 * <p>What ECS has no field for (ISID, TSIH, portal group, igroups, SVM, cluster UUID, connections, the EMS
 * parameters) is under one custom namespace, {@value Ecs#CUSTOM_NAMESPACE}{@code .*}: nested under the product's
 * name as ECS's guidance on custom fields suggests, lower-case like the rest of the document.
 *
 * <p>Other records (health records, tombstones, anything else) pass through unchanged; key, headers and timestamp
 * are never touched. The records are recognised by their fields, so the transform works on the source connector as
 * well as on a sink connector that reads them back as Avro, JSON with schemas, or schemaless JSON (maps).
 *
 * <p>Output {@code struct} (default): a Struct of one Connect schema for every document, absent fields null. It
 * works with JsonConverter and every other converter whose names allow {@code @timestamp}; Avro's names do not, so
 * with Avro on the topic run the transform in the sink connector, after the sink's converter has read the
 * connector's own Avro records, where the document never becomes Avro. Output {@code map}: a schemaless nested Map
 * without absent fields, clean JSON for the Elasticsearch sink with JsonConverter {@code schemas.enable=false}.
 */
public class ToEcs<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    public static final String OUTPUT_CONFIG = "output";

    /** The transform's settings, as README's table of them shows. */
    public static final ConfigDef CONFIG_DEF = new ConfigDef().define(OUTPUT_CONFIG, ConfigDef.Type.STRING,
            Output.STRUCT.configValue(), Output.validator(), ConfigDef.Importance.MEDIUM,
            "What the transform writes as the record value. 'struct': a Struct with a Connect schema, every ECS field "
                    + "the transform can write present and null where the record has no value; for converters with "
                    + "schemas (JsonConverter; with Avro, use the transform in the sink connector, as @timestamp is "
                    + "no Avro name). 'map': a schemaless nested map holding only the fields with a value, the clean "
                    + "JSON documents the Elasticsearch sink indexes with JsonConverter schemas.enable=false.");

    private Output output = Output.STRUCT;

    @Override
    public void configure(Map<String, ?> configs) {
        output = Output.of(new AbstractConfig(CONFIG_DEF, configs).getString(OUTPUT_CONFIG));
    }

    @Override
    public R apply(R record) {
        SourceFields value = SourceFields.of(record.value());
        EcsDocument document = value == null ? null
                : SessionEventToEcs.accepts(value) ? SessionEventToEcs.toEcs(value)
                : value.isEmsEvent() ? EmsEventToEcs.toEcs(value)
                : null;
        if (document == null) {
            return record;
        }
        Map<String, Object> ecs = document.asMap();
        return output == Output.MAP
                ? record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(), null, ecs,
                        record.timestamp(), record.headers())
                : record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                        EcsStruct.SCHEMA, EcsStruct.of(ecs), record.timestamp(), record.headers());
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public void close() {
    }

    @Override
    public String version() {
        return Version.get();
    }
}
