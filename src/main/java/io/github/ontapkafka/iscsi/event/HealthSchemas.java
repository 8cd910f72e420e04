package io.github.ontapkafka.iscsi.event;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;

/**
 * The Connect schemas of the health records: whether the connector is watching each configured cluster. A public
 * contract like the session events', committed as Avro schemas in {@code src/main/avro/} and guarded the same way.
 */
public final class HealthSchemas {

    public static final int VERSION = 1;
    /** Version 2 added the loss of EMS events: ems_events_lost and ems_events_lost_at. */
    public static final int VALUE_VERSION = 2;

    public static final Schema KEY = DocumentedStruct.named(EventSchemas.NAMESPACE + ".ClusterHealthKey",
                    "Identifies a configured cluster of a connector: a compacted topic keeps one current health "
                            + "record per key, also for a cluster that has never answered.")
            .version(VERSION)
            .field("connector", SchemaBuilder.string().doc("Name of the connector.").build())
            .field("cluster_url", SchemaBuilder.string().doc("The cluster's URL as configured in ontap.clusters "
                    + "(which may carry no credentials).").build())
            .build();

    public static final Schema VALUE = DocumentedStruct.named(EventSchemas.NAMESPACE + ".ClusterHealth",
                    "Whether a connector is watching an ONTAP cluster: written when the cluster's health changes and "
                            + "as a heartbeat while it does not.")
            .version(VALUE_VERSION)
            .field("connector", SchemaBuilder.string().doc("Name of the connector.").build())
            .field("task", SchemaBuilder.int32().doc("Number of the connector's task that polls the cluster.").build())
            .field("connector_version", SchemaBuilder.string().doc("Version of the connector.").build())
            .field("cluster_url", SchemaBuilder.string().doc("The cluster's URL as configured.").build())
            .field("cluster_name", optionalString("Cluster name, once the cluster has answered."))
            .field("cluster_uuid", optionalString("Cluster UUID, once the cluster has answered."))
            .field("status", SchemaBuilder.string().doc("OK: the last poll succeeded. FAILING: it failed, and "
                    + "nothing is reported for this cluster until a poll succeeds. A string rather than an enum, so "
                    + "that a future status does not break readers built from an older schema.").build())
            .field("trigger", SchemaBuilder.string().doc("CHANGE: written by the poll that changed the health "
                    + "(first contact, OK to FAILING, FAILING to OK, another kind of failure) or found EMS events "
                    + "lost. HEARTBEAT: written every heartbeat.interval.ms while the health stays as it is.")
                    .build())
            .field("status_since", Timestamp.builder().doc("Since when the status has been what it is: the poll "
                    + "that made it so.").build())
            .field("last_success_at", Timestamp.builder().optional().doc("When the last successful poll completed; "
                    + "null if none has since the task started.").build())
            .field("consecutive_failures", SchemaBuilder.int32().doc("Failed polls in a row; 0 while OK.").build())
            .field("failure_kind", optionalString("Why the polls fail, while FAILING: CREDENTIALS_REJECTED, "
                    + "NOT_AUTHORISED, TLS_TRUST, CERTIFICATE_REJECTED, TOKEN_ENDPOINT_FAILED, UNUSABLE_KEY_MATERIAL, "
                    + "UNREACHABLE, TIMEOUT, HTTP_ERROR, UNUSABLE_RESPONSE, UNUSABLE_STORED_STATE, DUPLICATE_CLUSTER or "
                    + "INTERNAL_ERROR. Null while OK."))
            .field("failure_message", optionalString("What went wrong, with ONTAP's own message where it gave one; "
                    + "never a secret. Null while OK."))
            .field("sessions_tracked", SchemaBuilder.int32().optional().doc("Sessions the connector tracks for the "
                    + "cluster: as of the last successful poll. Null before the first.").build())
            .field("last_poll_duration_ms", SchemaBuilder.int64().optional().doc("How long the last poll took, "
                    + "successful or not, in milliseconds. Null before the first.").build())
            .field("emitted_at", Timestamp.builder().doc("When this record was written.").build())
            .field("ems_events_lost", optionalString("With ems.enabled: the last time ONTAP's event log had "
                    + "discarded events the connector had not read yet (its node's log wrapped around while the "
                    + "cluster was not polled), which node and which indexes: failed or refused logins among them "
                    + "are lost for good. The connector goes on from the oldest event held. Null if it has not "
                    + "happened since the task started."))
            .field("ems_events_lost_at", Timestamp.builder().optional().doc("When the poll that found "
                    + "ems_events_lost completed. Null as ems_events_lost.").build())
            .build();

    private HealthSchemas() {
    }

    private static Schema optionalString(String doc) {
        return SchemaBuilder.string().optional().doc(doc).build();
    }
}
