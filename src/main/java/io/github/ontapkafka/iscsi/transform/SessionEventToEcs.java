package io.github.ontapkafka.iscsi.transform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.ontapkafka.iscsi.transform.Categorization.AUTHENTICATION;
import static io.github.ontapkafka.iscsi.transform.Categorization.SESSION;

/**
 * Maps a session event ({@code SessionEvent}: SNAPSHOT, LOGIN, LOGOUT, CONNECTION_CHANGE) to an ECS document.
 *
 * <p>The session's first connection by {@code cid} gives {@code source} (the initiator) and {@code destination}
 * (the LIF); every address of every connection goes into {@code related.ip}. The first-seen fields are read where
 * the record has them: {@code event.start} is when the connector first saw the session, and a LOGOUT carries
 * {@code event.end} and, when known, {@code event.duration} in nanoseconds.
 */
final class SessionEventToEcs {

    static final String PROVIDER = "iscsi-sessions";

    /**
     * A SNAPSHOT reports a session already present, so it is a state, not a change; a CONNECTION_CHANGE is neither
     * a start nor an end of the session, so it is info, the type ECS expects for a session that goes on.
     */
    private static final Map<String, Categorization> BY_TYPE = Map.of(
            "SNAPSHOT", new Categorization("state", List.of(SESSION), List.of("info"), "iscsi-session-present", null),
            "LOGIN", new Categorization("event", List.of(AUTHENTICATION, SESSION), List.of("start"), "iscsi-login",
                    "success"),
            "LOGOUT", new Categorization("event", List.of(AUTHENTICATION, SESSION), List.of("end"), "iscsi-logout",
                    "success"),
            "CONNECTION_CHANGE", new Categorization("event", List.of(SESSION), List.of("info"),
                    "iscsi-connection-change", null));

    private static final long NANOS_PER_MILLI = 1_000_000L;

    private SessionEventToEcs() {
    }

    /** Whether {@code value} is a session event of a type this mapping knows. */
    static boolean accepts(SourceFields value) {
        return value.isSessionEvent() && BY_TYPE.containsKey(value.string("event_type"));
    }

    static EcsDocument toEcs(SourceFields value) {
        String type = value.string("event_type");
        Instant observedAt = value.instant("observed_at");
        SourceFields cluster = value.child("cluster");
        SourceFields session = value.child("session");
        EcsDocument document = Ecs.document(observedAt, PROVIDER)
                .put("event.id", value.string("event_id"))
                .put("event.created", observedAt)
                .put("event.start", value.instant("first_seen_at"))
                .put("network.transport", "tcp")
                .put("network.protocol", "iscsi");
        BY_TYPE.get(type).putInto(document);
        if (type.equals("LOGOUT")) {
            Long durationMs = value.number("duration_ms");
            document.put("event.end", observedAt)
                    .put("event.duration", durationMs == null ? null : durationMs * NANOS_PER_MILLI);
        }
        document.put("observer.name", cluster.string("name"))
                .put("ontap.cluster.uuid", cluster.string("uuid"))
                .put("ontap.iscsi.first_seen_is_lower_bound", value.bool("first_seen_is_lower_bound"))
                .put("ontap.iscsi.previous_observed_at", value.instant("previous_observed_at"))
                .put("ontap.iscsi.connections_added", copies(value.list("connections_added")))
                .put("ontap.iscsi.connections_removed", copies(value.list("connections_removed")));
        putSession(document, session);
        document.put("related.ip", Ecs.ips(addresses(session, value)));
        return document;
    }

    private static void putSession(EcsDocument document, SourceFields session) {
        SourceFields svm = session.child("svm");
        document.put("ontap.svm.name", svm.string("name")).put("ontap.svm.uuid", svm.string("uuid"))
                .put("ontap.iscsi.target_portal_group", session.string("target_portal_group"))
                .put("ontap.iscsi.target_portal_group_tag", session.number("target_portal_group_tag"))
                .put("ontap.iscsi.tsih", session.number("tsih"))
                .put("ontap.iscsi.isid", session.string("isid"));
        SourceFields initiator = session.child("initiator");
        String iqn = initiator.string("name");
        document.put("user.name", iqn)
                .put("related.user", iqn == null ? null : List.of(iqn))
                .put("ontap.iscsi.initiator.alias", initiator.string("alias"))
                .put("ontap.iscsi.initiator.comment", initiator.string("comment"));
        List<SourceFields> igroups = session.list("igroups");
        if (igroups.size() == 1) {
            // user.group holds one group; an initiator in several igroups has them in ontap.iscsi.igroups only.
            document.put("user.group.name", igroups.get(0).string("name"))
                    .put("user.group.id", igroups.get(0).string("uuid"));
        }
        document.put("ontap.iscsi.igroups", copies(igroups));
        List<SourceFields> connections = session.list("connections");
        document.put("ontap.iscsi.connections", copies(connections));
        session.byCid("connections").stream().findFirst().ifPresent(first -> putEndpoints(document, first));
    }

    /** The initiator connects in to the storage system, the observer: ingress from its point of view. */
    private static void putEndpoints(EcsDocument document, SourceFields connection) {
        document.put("network.direction", "ingress");
        SourceFields initiator = connection.child("initiator_address");
        Ecs.putSource(document, initiator.string("address"), initiator.number("port"));
        SourceFields lif = connection.child("interface");
        document.put("observer.ingress.interface.name", lif.string("name"))
                .put("observer.ingress.interface.id", lif.string("uuid"));
        SourceFields ip = lif.child("ip");
        Ecs.putEndpoint(document, "destination", ip.string("address"), ip.number("port"));
    }

    /** Initiator and LIF addresses of the session's connections, and of those added and removed. */
    private static List<String> addresses(SourceFields session, SourceFields value) {
        List<SourceFields> connections = new ArrayList<>(session.list("connections"));
        connections.addAll(value.list("connections_added"));
        connections.addAll(value.list("connections_removed"));
        List<String> addresses = new ArrayList<>();
        for (SourceFields connection : connections) {
            addresses.add(connection.child("initiator_address").string("address"));
            addresses.add(connection.child("interface").child("ip").string("address"));
        }
        return addresses;
    }

    private static List<Map<String, Object>> copies(List<SourceFields> elements) {
        return elements.stream().map(SourceFields::toMap).toList();
    }
}
