package io.github.ontapkafka.iscsi.transform;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * The Connect schema of the OCSF 1.5.0 Authentication events {@link ToOcsf} writes with {@code output=struct}: the
 * OCSF attributes it fills, under their OCSF names, and the {@code ontap_iscsi} object of the connector's OCSF
 * extension. Only the classification attributes are required; everything else is optional and null when absent.
 */
final class OcsfSchemas {

    private static final String NAMESPACE = "io.github.ontapkafka.iscsi.ocsf";
    private static final Schema STRING = Schema.OPTIONAL_STRING_SCHEMA;
    private static final Schema INT = Schema.OPTIONAL_INT32_SCHEMA;
    private static final Schema LONG = Schema.OPTIONAL_INT64_SCHEMA;
    private static final Schema BOOLEAN = Schema.OPTIONAL_BOOLEAN_SCHEMA;
    private static final Schema INTS = SchemaBuilder.array(Schema.INT32_SCHEMA).optional().build();

    static final Schema GROUP = struct("Group")
            .field("name", STRING)
            .field("uid", STRING)
            .build();

    static final Schema USER = struct("User")
            .field("name", STRING)
            .field("display_name", STRING)
            .field("type_id", INT)
            .field("type", STRING)
            .field("groups", SchemaBuilder.array(GROUP).optional().build())
            .build();

    static final Schema NETWORK_ENDPOINT = struct("NetworkEndpoint").optional()
            .field("name", STRING)
            .field("uid", STRING)
            .field("ip", STRING)
            .field("port", INT)
            .field("interface_name", STRING)
            .field("interface_uid", STRING)
            .build();

    static final Schema SERVICE = struct("Service").optional()
            .field("name", STRING)
            .build();

    static final Schema SESSION = struct("Session").optional()
            .field("uid", STRING)
            .field("uid_alt", STRING)
            .field("created_time", LONG)
            .field("is_remote", BOOLEAN)
            .build();

    static final Schema PRODUCT = struct("Product").optional()
            .field("name", STRING)
            .field("vendor_name", STRING)
            .field("version", STRING)
            .build();

    static final Schema LOGGER = struct("Logger")
            .field("name", STRING)
            .field("product", PRODUCT)
            .field("logged_time", LONG)
            .build();

    static final Schema EXTENSION = struct("Extension")
            .field("name", STRING)
            .field("uid", STRING)
            .field("version", STRING)
            .build();

    static final Schema METADATA = struct("Metadata")
            .field("version", Schema.STRING_SCHEMA)
            .field("uid", STRING)
            .field("event_code", STRING)
            .field("log_name", STRING)
            .field("log_provider", STRING)
            .field("logged_time", LONG)
            .field("product", PRODUCT)
            .field("loggers", SchemaBuilder.array(LOGGER).optional().build())
            .field("extensions", SchemaBuilder.array(EXTENSION).optional().build())
            .build();

    static final Schema OBSERVABLE = struct("Observable")
            .field("name", STRING)
            .field("type_id", Schema.INT32_SCHEMA)
            .field("type", STRING)
            .field("value", STRING)
            .build();

    static final Schema ONTAP_ISCSI = struct("OntapIscsi").optional()
            .field("ontap_cluster_name", STRING)
            .field("ontap_cluster_uid", STRING)
            .field("ontap_target_portal_group", STRING)
            .field("ontap_target_portal_group_tag", INT)
            .field("ontap_tsih", INT)
            .field("ontap_isid", STRING)
            .field("ontap_cids", INTS)
            .field("ontap_cids_added", INTS)
            .field("ontap_cids_removed", INTS)
            .field("ontap_first_seen_time", LONG)
            .field("ontap_first_seen_is_lower_bound", BOOLEAN)
            .field("ontap_node_name", STRING)
            .field("ontap_node_uid", STRING)
            .field("ontap_ems_index", LONG)
            .field("ontap_ems_severity", STRING)
            .field("ontap_portset", STRING)
            .build();

    static final Schema AUTHENTICATION = struct("Authentication")
            .doc("An OCSF " + OcsfExtension.SCHEMA_VERSION + " Authentication event (class_uid 3002) with the "
                    + OcsfExtension.NAME + " extension.")
            .field("class_uid", Schema.INT32_SCHEMA)
            .field("class_name", STRING)
            .field("category_uid", Schema.INT32_SCHEMA)
            .field("category_name", STRING)
            .field("activity_id", Schema.INT32_SCHEMA)
            .field("activity_name", STRING)
            .field("type_uid", Schema.INT64_SCHEMA)
            .field("type_name", STRING)
            .field("severity_id", Schema.INT32_SCHEMA)
            .field("severity", STRING)
            .field("status_id", INT)
            .field("status", STRING)
            .field("status_detail", STRING)
            .field("message", STRING)
            .field("time", Schema.INT64_SCHEMA)
            .field("start_time", LONG)
            .field("end_time", LONG)
            .field("duration", LONG)
            .field("metadata", METADATA)
            .field("user", USER)
            .field("src_endpoint", NETWORK_ENDPOINT)
            .field("dst_endpoint", NETWORK_ENDPOINT)
            .field("service", SERVICE)
            .field("session", SESSION)
            .field("is_remote", BOOLEAN)
            .field("logon_type_id", INT)
            .field("logon_type", STRING)
            .field("auth_protocol_id", INT)
            .field("auth_protocol", STRING)
            .field("observables", SchemaBuilder.array(OBSERVABLE).optional().build())
            .field(OcsfExtension.ATTRIBUTE, ONTAP_ISCSI)
            .build();

    private OcsfSchemas() {
    }

    private static SchemaBuilder struct(String name) {
        return SchemaBuilder.struct().name(NAMESPACE + "." + name);
    }
}
