package io.github.ontapkafka.iscsi.transform;

import io.github.ontapkafka.iscsi.event.Version;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.transforms.Transformation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the connector's session events and EMS records into <a href="https://schema.ocsf.io/1.5.0/">OCSF 1.5.0</a>
 * Authentication events (class_uid 3002, category_uid 3), for a SIEM that reads OCSF (AWS Security Lake, Splunk's OCSF
 * add-on). The records are recognised by their fields ({@link SourceFields}), so the transform reads them with a
 * schema (a Struct) or without one (a Map, from JSON without schemas in a sink) to the same event. Any other record
 * passes unchanged, tombstones, health and current-sessions table records included: restrict the transform with a
 * {@code TopicNameMatches} predicate. Key, timestamp, headers and topic stay as they were.
 *
 * <p><b>Session events</b> are a successful ({@code status_id} 1), informational ({@code severity_id} 1), remote
 * ({@code is_remote}) network logon ({@code logon_type_id} 3) of the initiator to the iSCSI service of the SVM:
 * <ul>
 *   <li>{@code LOGIN} is Logon (1), {@code LOGOUT} Logoff (2); {@code SNAPSHOT} (present at the first poll) is Other
 *       (99) "Session Present" and {@code CONNECTION_CHANGE} Other "Connection Change": Authentication has no activity
 *       for a session that is there, or whose connections changed, and the other candidate classes (User Session
 *       Query 5017, Network Activity 4001) would split one session's events over two classes, so that its logon,
 *       presence and logoff no longer join in one table. A type a newer connector adds is Other under its own name.
 *       {@code type_uid} is 3002 × 100 + {@code activity_id}, {@code type_name} its OCSF caption.</li>
 *   <li>{@code time} is {@code observed_at}; {@code metadata.uid} the {@code event_id}, {@code metadata.event_code}
 *       the {@code event_type}, {@code metadata.log_name} the topic.</li>
 *   <li>{@code user} is the initiator: {@code name} its IQN ({@code "unknown"} when the record does not say, as in a
 *       LOGOUT known by its key only), {@code display_name} its alias, {@code groups} its igroups, {@code type_id} 3
 *       System (a machine identity, like a computer account).</li>
 *   <li>The endpoints are those of the connection with the lowest {@code cid} (a session rarely has more than one):
 *       {@code src_endpoint} the initiator's address and port; {@code dst_endpoint} the SVM ({@code name},
 *       {@code uid}) on its LIF ({@code ip}, {@code port}, {@code interface_name}, {@code interface_uid}). A session
 *       without connections still has the SVM as {@code dst_endpoint}, and {@code service} is always
 *       {@code {"name": "iSCSI"}}.</li>
 *   <li>{@code auth_protocol_id} from that connection's {@code authentication_type}: {@code chap} is 8 CHAP;
 *       {@code none} is 99 with {@code auth_protocol} "None" (OCSF has no value for no authentication); absent when
 *       no connection says.</li>
 *   <li>{@code session.uid} is a name-based UUID of cluster, SVM, portal group, TSIH and ISID: one per login, so a
 *       session reusing a TSIH gets another; absent when the ISID is unknown. {@code session.uid_alt} is the same
 *       without the ISID, the session key, present in every event (key-only LOGOUTs too).
 *       {@code session.created_time} is {@code first_seen_at} when that is not a lower bound.</li>
 *   <li>A LOGOUT with {@code first_seen_at} has {@code start_time} (first seen), {@code end_time}
 *       ({@code observed_at}) and {@code duration} ({@code duration_ms}).</li>
 * </ul>
 *
 * <p><b>EMS records</b>: {@code LOGIN_REFUSED_BY_ADDRESS} and {@code LOGIN_FAILED} are a failed Logon
 * ({@code status_id} 2), {@code status_detail} "Initiator address not authorized" or ONTAP's reason (the message's
 * parameter {@code m}); the {@code san.initiator.login*} kinds are Other "Login Missing", "Login Restored", "Login
 * Not Required", and {@code OTHER} is Other under ONTAP's message name, all without a status: they report a state,
 * not an attempt's outcome. {@code time} is when the node logged it ({@code observed_at} if ONTAP gave no time),
 * {@code metadata.logged_time} when the connector read it, {@code severity_id} from ONTAP's severity
 * ({@link Severity}), {@code message} ONTAP's text, {@code metadata.log_provider} the ONTAP process.
 *
 * <p>The iSCSI and ONTAP facts OCSF has no attribute for (cluster, portal group and tag, TSIH, ISID, connection ids,
 * first-seen time, EMS node, index and severity, port set) are in {@code ontap_iscsi}, the object of the connector's
 * own OCSF extension ({@link OcsfExtension}), which {@code metadata.extensions} names; OCSF advises producers
 * against {@code unmapped}. {@code metadata.product} is ONTAP (NetApp), the source of the facts;
 * {@code metadata.loggers} names this connector and its version.
 */
public class ToOcsf<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    public static final String OUTPUT_CONFIG = "output";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(OUTPUT_CONFIG, ConfigDef.Type.STRING, Output.STRUCT.configValue(), Output.validator(),
                    ConfigDef.Importance.HIGH,
                    "struct: a Struct with a Connect schema, for any converter (Avro, JSON Schema, Protobuf, "
                            + "JsonConverter); attributes the record does not give are null. map: a schemaless map "
                            + "with those attributes left out, for JsonConverter with schemas.enable=false: clean "
                            + "OCSF JSON, as Splunk's HTTP Event Collector wants it.");

    private Output output = Output.STRUCT;

    @Override
    public void configure(Map<String, ?> configs) {
        output = Output.of(new AbstractConfig(CONFIG_DEF, configs).getString(OUTPUT_CONFIG));
    }

    @Override
    public R apply(R record) {
        Struct event = ocsfOf(record);
        if (event == null) {
            return record;
        }
        return output == Output.MAP
                ? record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(), null,
                        mapOf(event), record.timestamp(), record.headers())
                : record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                        OcsfSchemas.AUTHENTICATION, event, record.timestamp(), record.headers());
    }

    /** The event as nested maps and lists, its null attributes left out. */
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

    private static Struct ocsfOf(ConnectRecord<?> record) {
        SourceFields value = SourceFields.of(record.value());
        if (value == null) {
            return null;
        }
        if (value.isSessionEvent()) {
            return SessionEventMapping.map(value, record.topic());
        }
        return value.isEmsEvent() ? EmsEventMapping.map(value, record.topic()) : null;
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void close() {
    }
}
