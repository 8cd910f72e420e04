package io.github.ontapkafka.iscsi.event;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;

/**
 * The Connect schemas of the records: named, documented, with ONTAP's own field names. The worker's converter
 * turns them into Avro (or JSON); their names and fields are a public contract, committed as Avro schemas in
 * {@code src/main/avro/} and guarded by tests against drift and incompatible change.
 */
public final class EventSchemas {

    public static final String NAMESPACE = "io.github.ontapkafka.iscsi";
    public static final int VERSION = 1;
    /** Version 2 added the session's lifetime: first_seen_at, first_seen_is_lower_bound and duration_ms. */
    public static final int VALUE_VERSION = 2;

    public static final Schema IP_ENDPOINT = struct("IpEndpoint", "An IP address (IPv4 or IPv6) and TCP port.")
            .optional()
            .field("address", optionalString("IP address."))
            .field("port", optionalInt("TCP port."))
            .build();

    public static final Schema INTERFACE = struct("Interface",
            "The ONTAP network interface (LIF) the connection arrived on.")
            .optional()
            .field("name", optionalString("Interface name."))
            .field("uuid", optionalString("Interface UUID."))
            .field("ip", "The interface's IP address and the TCP port the connection arrived on.", IP_ENDPOINT)
            .build();

    public static final Schema CONNECTION = struct("Connection", "One TCP connection of an iSCSI session.")
            .field("cid", SchemaBuilder.int32().doc("Connection ID, unique within the session.").build())
            .field("authentication_type", optionalString("How the initiator authenticated: chap or none."))
            .field("initiator_address", "The initiator's IP address and TCP port.", IP_ENDPOINT)
            .field("interface", INTERFACE)
            .build();

    public static final Schema SVM = struct("Svm", "The storage VM (SVM) that owns the session.")
            .field("name", optionalString("SVM name."))
            .field("uuid", SchemaBuilder.string().doc("SVM UUID.").build())
            .build();

    public static final Schema INITIATOR = struct("Initiator", "The iSCSI initiator of the session.")
            .optional()
            .field("name", optionalString("Initiator name (IQN or EUI)."))
            .field("alias", optionalString("Initiator alias."))
            .field("comment", optionalString("Comment on the initiator (absent on older ONTAP releases)."))
            .build();

    public static final Schema IGROUP = struct("Igroup", "An initiator group the initiator belongs to.")
            .field("name", optionalString("Initiator group name."))
            .field("uuid", optionalString("Initiator group UUID."))
            .build();

    public static final Schema SESSION = struct("Session", "An iSCSI session as ONTAP reports it. Fields ONTAP did "
            + "not report are null; a LOGOUT of a session the connector never saw in full (it ended while the "
            + "connector was stopped) carries its key fields only.")
            .field("svm", SVM)
            .field("target_portal_group", SchemaBuilder.string().doc("Target portal group name.").build())
            .field("target_portal_group_tag", optionalInt("Target portal group tag."))
            .field("tsih", SchemaBuilder.int32().doc("Target session identifying handle.").build())
            .field("isid", optionalString("Initiator session ID, the initiator's part of the session identity."))
            .field("initiator", INITIATOR)
            .field("igroups", SchemaBuilder.array(IGROUP).optional().doc("Initiator groups of the initiator.").build())
            .field("connections", connectionList("The session's connections."))
            .build();

    public static final Schema CLUSTER = struct("Cluster", "The ONTAP cluster, as GET /api/cluster names it.")
            .field("name", optionalString("Cluster name."))
            .field("uuid", SchemaBuilder.string().doc("Cluster UUID, the cluster's stable identity.").build())
            .build();

    public static final Schema KEY = struct("SessionKey",
            "Identifies an iSCSI session: ONTAP's session key, qualified by its cluster.")
            .version(VERSION)
            .field("cluster_uuid", SchemaBuilder.string().doc("Cluster UUID.").build())
            .field("svm_uuid", SchemaBuilder.string().doc("SVM UUID.").build())
            .field("target_portal_group", SchemaBuilder.string().doc("Target portal group name.").build())
            .field("tsih", SchemaBuilder.int32().doc("Target session identifying handle.").build())
            .build();

    public static final Schema VALUE = struct("SessionEvent", "A change of an iSCSI session on an ONTAP cluster.")
            .version(VALUE_VERSION)
            .field("event_id", SchemaBuilder.string().doc("Unique id of the event; a replay of the same event after "
                    + "a failure carries the same id.").build())
            .field("event_type", SchemaBuilder.string().doc("SNAPSHOT (present at the first poll), LOGIN, LOGOUT or "
                    + "CONNECTION_CHANGE. A string rather than an enum, so that a future type does not break readers "
                    + "built from an older schema.").build())
            .field("observed_at", Timestamp.builder().doc("When the poll that saw the change completed.").build())
            .field("previous_observed_at", Timestamp.builder().optional().doc("When the last poll that saw the "
                    + "previous state completed: the change happened between the two. Null for SNAPSHOT.").build())
            .field("cluster", CLUSTER)
            .field("session", SESSION)
            .field("connections_added", connectionList("For CONNECTION_CHANGE: connections that are new or changed "
                    + "(a changed connection is in both lists). Null for other types, and when the previous "
                    + "connections are unknown because the change happened while the connector was stopped."))
            .field("connections_removed", connectionList("For CONNECTION_CHANGE: connections that are gone or "
                    + "changed. Null as for connections_added."))
            .field("first_seen_at", Timestamp.builder().optional().doc("When the connector first saw the session "
                    + "logged in, to the second: the observed_at of its LOGIN, or, if first_seen_is_lower_bound, of "
                    + "the poll that first found it already logged in (its SNAPSHOT, or the poll that took it into "
                    + "scope). For LOGOUT, of the session that ended. Null only if unknown: in records written before version 2 "
                    + "of this schema, and for sessions known from an offset that stored no poll time.").build())
            .field("first_seen_is_lower_bound", SchemaBuilder.bool().optional().doc("True if the session was "
                    + "already logged in when first seen, so that it has been logged in at least since "
                    + "first_seen_at; false if first_seen_at is its LOGIN's observed_at. Null when first_seen_at "
                    + "is.").build())
            .field("duration_ms", SchemaBuilder.int64().optional().doc("For LOGOUT: how long the session was "
                    + "logged in, observed_at minus first_seen_at in milliseconds, exact to the poll interval (the "
                    + "login and the logout each happened in the interval before the poll that saw it); a lower "
                    + "bound if first_seen_is_lower_bound. Null for other types and when first_seen_at is.").build())
            .build();

    private EventSchemas() {
    }

    private static DocumentedStruct struct(String name, String doc) {
        return DocumentedStruct.named(NAMESPACE + "." + name, doc);
    }

    private static Schema optionalString(String doc) {
        return SchemaBuilder.string().optional().doc(doc).build();
    }

    private static Schema optionalInt(String doc) {
        return SchemaBuilder.int32().optional().doc(doc).build();
    }

    private static Schema connectionList(String doc) {
        return SchemaBuilder.array(CONNECTION).optional().doc(doc).build();
    }
}
