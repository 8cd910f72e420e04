package io.github.ontapkafka.iscsi.transform;

import org.apache.kafka.connect.data.Struct;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A session event ({@code io.github.ontapkafka.iscsi.SessionEvent}) as an OCSF Authentication event: a successful,
 * remote network logon of the initiator to the SVM's iSCSI service. See {@link ToOcsf} for the mapping.
 */
final class SessionEventMapping {

    private static final int AUTH_PROTOCOL_CHAP = 8;
    private static final int AUTH_PROTOCOL_OTHER = 99;

    private SessionEventMapping() {
    }

    static Struct map(SourceFields value, String topic) {
        SourceFields session = value.child("session");
        SourceFields svm = session.child("svm");
        List<SourceFields> connections = session.byCid("connections");
        SourceFields first = connections.isEmpty() ? SourceFields.ABSENT : connections.get(0);
        String eventType = value.string("event_type");
        long observedAt = value.millis("observed_at");
        Long firstSeenAt = value.millis("first_seen_at");

        AuthenticationEvent event = new AuthenticationEvent(activityOf(eventType), activityNameOf(eventType),
                observedAt, topic)
                .severity(Severity.INFORMATIONAL, null)
                .status(true, null)
                .source(value.string("event_id"), eventType, null);
        SourceFields initiator = session.child("initiator");
        SourceFields from = first.child("initiator_address");
        SourceFields lif = first.child("interface");
        SourceFields to = lif.child("ip");
        event.initiator(initiator.string("name"), initiator.string("alias"), groups(session.listOrNull("igroups")))
                .put("src_endpoint", Endpoints.source(from.string("address"), from.integer("port")))
                .put("dst_endpoint", Endpoints.target(svm.string("name"), svm.string("uuid"), to.string("address"),
                        to.integer("port"), lif.string("name"), lif.string("uuid")))
                .put("session", sessionOf(value));
        putAuthProtocol(event, first.string("authentication_type"));
        if ("LOGOUT".equals(eventType) && firstSeenAt != null) {
            event.put("start_time", firstSeenAt).put("end_time", observedAt).put("duration", value.number("duration_ms"));
        }
        return event.put(OcsfExtension.ATTRIBUTE, ontapIscsiOf(value)).build();
    }

    private static Struct sessionOf(SourceFields value) {
        SourceFields cluster = value.child("cluster");
        SourceFields session = value.child("session");
        SourceFields svm = session.child("svm");
        boolean firstSeenAtLogin = Boolean.FALSE.equals(value.bool("first_seen_is_lower_bound"));
        return new Struct(OcsfSchemas.SESSION)
                .put("uid", loginUid(cluster, svm, session))
                .put("uid_alt", keyUid(cluster, svm, session))
                .put("created_time", firstSeenAtLogin ? value.millis("first_seen_at") : null)
                .put("is_remote", true);
    }

    private static Struct ontapIscsiOf(SourceFields value) {
        SourceFields cluster = value.child("cluster");
        SourceFields session = value.child("session");
        return new Struct(OcsfSchemas.ONTAP_ISCSI)
                .put("ontap_cluster_name", cluster.string("name"))
                .put("ontap_cluster_uid", cluster.string("uuid"))
                .put("ontap_target_portal_group", session.string("target_portal_group"))
                .put("ontap_target_portal_group_tag", session.integer("target_portal_group_tag"))
                .put("ontap_tsih", session.integer("tsih"))
                .put("ontap_isid", session.string("isid"))
                .put("ontap_cids", cids(session, "connections"))
                .put("ontap_cids_added", cids(value, "connections_added"))
                .put("ontap_cids_removed", cids(value, "connections_removed"))
                .put("ontap_first_seen_time", value.millis("first_seen_at"))
                .put("ontap_first_seen_is_lower_bound", value.bool("first_seen_is_lower_bound"));
    }

    private static Activity activityOf(String eventType) {
        return switch (eventType) {
            case "LOGIN" -> Activity.LOGON;
            case "LOGOUT" -> Activity.LOGOFF;
            default -> Activity.OTHER;
        };
    }

    /** The label of an Other activity: a type a newer connector adds keeps its own name. */
    private static String activityNameOf(String eventType) {
        return switch (eventType) {
            case "SNAPSHOT" -> "Session Present";
            case "CONNECTION_CHANGE" -> "Connection Change";
            default -> eventType;
        };
    }

    /** The cids of the list field {@code name}, in order; null when the record has no such list. */
    private static List<Integer> cids(SourceFields parent, String name) {
        return parent.listOrNull(name) == null ? null
                : parent.byCid(name).stream().map(connection -> connection.integer("cid")).toList();
    }

    private static List<Struct> groups(List<SourceFields> igroups) {
        return igroups == null ? null : igroups.stream().map(igroup -> new Struct(OcsfSchemas.GROUP)
                .put("name", igroup.string("name")).put("uid", igroup.string("uuid"))).toList();
    }

    /** CHAP is OCSF's 8; OCSF has no value for no authentication, so {@code none} is Other, named. */
    private static void putAuthProtocol(AuthenticationEvent event, String authenticationType) {
        if (authenticationType == null) {
            return;
        }
        String type = authenticationType.toLowerCase(Locale.ROOT);
        if (type.equals("chap")) {
            event.put("auth_protocol_id", AUTH_PROTOCOL_CHAP).put("auth_protocol", "CHAP");
        } else {
            event.put("auth_protocol_id", AUTH_PROTOCOL_OTHER)
                    .put("auth_protocol", type.equals("none") ? "None" : authenticationType);
        }
    }

    /**
     * One login: the session key and the ISID, which tells a new session reusing the key (TSIH reuse) from the old.
     * Null when the ISID is unknown, as in a LOGOUT known by its key only (the connector restarted meanwhile).
     */
    private static String loginUid(SourceFields cluster, SourceFields svm, SourceFields session) {
        String isid = session.string("isid");
        return isid == null ? null : nameUuid(keyOf(cluster, svm, session) + "\n" + isid);
    }

    /** The session key: present in every event of the session, key-only LOGOUTs included. */
    private static String keyUid(SourceFields cluster, SourceFields svm, SourceFields session) {
        return nameUuid(keyOf(cluster, svm, session));
    }

    private static String keyOf(SourceFields cluster, SourceFields svm, SourceFields session) {
        return String.join("\n", cluster.string("uuid"), svm.string("uuid"), session.string("target_portal_group"),
                String.valueOf(session.integer("tsih")));
    }

    private static String nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
