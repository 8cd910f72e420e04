package io.github.ontapkafka.iscsi.event;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;

/**
 * The Connect schemas of the records read from ONTAP's event log (EMS): failed and refused iSCSI logins, and
 * initiators that lost or regained their logins. A public contract like the session events', committed as Avro
 * schemas in {@code src/main/avro/}.
 */
public final class EmsSchemas {

    public static final int VERSION = 1;

    public static final Schema PARAMETER = DocumentedStruct.named(EventSchemas.NAMESPACE + ".EmsParameter",
                    "One parameter of the EMS message, as ONTAP gave it.")
            .field("name", SchemaBuilder.string().doc("Parameter name, e.g. initiator_ip_address.").build())
            .field("value", optionalString("Parameter value as ONTAP wrote it."))
            .build();

    public static final Schema KEY = DocumentedStruct.named(EventSchemas.NAMESPACE + ".EmsEventKey",
                    "Identifies an EMS event: ONTAP numbers each node's events.")
            .version(VERSION)
            .field("cluster_uuid", SchemaBuilder.string().doc("Cluster UUID.").build())
            .field("node_uuid", SchemaBuilder.string().doc("UUID of the node that logged the event.").build())
            .field("index", SchemaBuilder.int64().doc("The event's index in the node's event log.").build())
            .build();

    public static final Schema VALUE = DocumentedStruct.named(EventSchemas.NAMESPACE + ".EmsEvent",
                    "An iSCSI login that failed or was refused, or an initiator that lost or regained its login to a "
                            + "node, from ONTAP's event log. EMS suppresses repeats: one record means at least one "
                            + "attempt.")
            .version(VERSION)
            .field("event_id", SchemaBuilder.string().doc("Unique id of the event, derived from cluster, node and "
                    + "index: a replay carries the same id.").build())
            .field("event_kind", SchemaBuilder.string().doc("LOGIN_REFUSED_BY_ADDRESS (iscsi.loginIpNotAuthorized), "
                    + "LOGIN_FAILED (iscsi.loginFailure), INITIATOR_LOGIN_MISSING (san.initiator.login.missing), "
                    + "INITIATOR_LOGIN_RESTORED (san.initiator.login), INITIATOR_LOGIN_NOT_REQUIRED "
                    + "(san.initiator.login.not.req) or OTHER. A string, so that a future kind does not break readers "
                    + "built from an older schema.").build())
            .field("observed_at", Timestamp.builder().doc("When the connector read the event.").build())
            .field("ontap_time", Timestamp.builder().optional().doc("When the node logged the event; null if ONTAP "
                    + "gave no readable time.").build())
            .field("cluster_uuid", SchemaBuilder.string().doc("Cluster UUID.").build())
            .field("cluster_name", optionalString("Cluster name."))
            .field("node_uuid", SchemaBuilder.string().doc("UUID of the node that logged the event.").build())
            .field("node_name", optionalString("Name of that node."))
            .field("index", SchemaBuilder.int64().doc("The event's index in the node's event log.").build())
            .field("message_name", optionalString("ONTAP's message name, e.g. iscsi.loginIpNotAuthorized."))
            .field("severity", optionalString("ONTAP's severity, e.g. notice."))
            .field("svm_name", optionalString("SVM the login was made to (parameter vserver), where ONTAP gives it."))
            .field("svm_uuid", optionalString("SVM UUID (parameter vserver_uuid), where ONTAP gives it."))
            .field("lif_name", optionalString("LIF the login was attempted on (parameter lif), where ONTAP gives "
                    + "it."))
            .field("initiator_name", optionalString("Initiator IQN (parameter initiator_name or initiator), where "
                    + "ONTAP gives it."))
            .field("initiator_address", optionalString("Address the initiator came from (parameter "
                    + "initiator_ip_address), where ONTAP gives it."))
            .field("portset", optionalString("Port set (parameter portset), where ONTAP gives it."))
            .field("log_message", optionalString("ONTAP's formatted message, whole: for iscsi.loginFailure the only "
                    + "account of why the login failed."))
            .field("parameters", SchemaBuilder.array(PARAMETER).doc("Every parameter of the message, in ONTAP's "
                    + "order.").build())
            .field("source", optionalString("The ONTAP process that logged the event."))
            .build();

    private EmsSchemas() {
    }

    private static Schema optionalString(String doc) {
        return SchemaBuilder.string().optional().doc(doc).build();
    }
}
