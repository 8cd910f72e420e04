package io.github.ontapkafka.iscsi.transform;

import io.github.ontapkafka.iscsi.event.EmsEventKind;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.github.ontapkafka.iscsi.transform.Categorization.AUTHENTICATION;
import static io.github.ontapkafka.iscsi.transform.Categorization.SESSION;

/**
 * Maps a record of ONTAP's event log ({@code EmsEvent}) to an ECS document.
 *
 * <p>A refused or failed login is an authentication attempt that failed: category authentication, type start,
 * outcome failure. An initiator that is missing from a node, back, or no longer needed there is information about
 * its sessions, without an outcome. A message the connector does not know ({@code OTHER}) gets no category: ECS
 * says only what is known, and {@code event.code} and {@code message} carry ONTAP's own name and text.
 *
 * <p>{@code @timestamp} is when the node logged the event ({@code ontap_time}), or when the connector read it if
 * ONTAP gave no readable time; {@code event.created} is when the connector read it. The node is the observer's
 * host ({@code observer.hostname}), the LIF its ingress interface.
 */
final class EmsEventToEcs {

    static final String PROVIDER = "ems";

    private static final Map<EmsEventKind, Categorization> BY_KIND = new EnumMap<>(Map.of(
            EmsEventKind.LOGIN_REFUSED_BY_ADDRESS, failedLogin("iscsi-login-refused"),
            EmsEventKind.LOGIN_FAILED, failedLogin("iscsi-login-failed"),
            EmsEventKind.INITIATOR_LOGIN_MISSING, sessionInfo("iscsi-initiator-login-missing"),
            EmsEventKind.INITIATOR_LOGIN_RESTORED, sessionInfo("iscsi-initiator-login-restored"),
            EmsEventKind.INITIATOR_LOGIN_NOT_REQUIRED, sessionInfo("iscsi-initiator-login-not-required"),
            EmsEventKind.OTHER, Categorization.uncategorized()));

    /** ONTAP's EMS severities are the syslog levels by name; event.severity takes their syslog numbers. */
    private static final Map<String, Long> SEVERITY_NUMBERS = Map.of(
            "emergency", 0L, "alert", 1L, "error", 3L, "notice", 5L, "informational", 6L, "debug", 7L);

    /** Why ONTAP refuses: the message itself says it (iscsi.loginIpNotAuthorized), no parameter does. */
    private static final String REFUSED_REASON = "initiator address not authorized";

    private EmsEventToEcs() {
    }

    private static Categorization failedLogin(String action) {
        return new Categorization("event", List.of(AUTHENTICATION), List.of("start"), action, "failure");
    }

    private static Categorization sessionInfo(String action) {
        return new Categorization("event", List.of(SESSION), List.of("info"), action, null);
    }

    static EcsDocument toEcs(SourceFields value) {
        EmsEventKind kind = value.emsEventKind();
        Instant observedAt = value.instant("observed_at");
        Instant loggedAt = value.instant("ontap_time");
        String severity = value.string("severity");
        String initiator = value.string("initiator_name");
        String address = value.string("initiator_address");
        EcsDocument document = Ecs.document(loggedAt != null ? loggedAt : observedAt, PROVIDER)
                .put("event.created", observedAt)
                .put("event.id", value.string("event_id"))
                .put("event.code", value.string("message_name"))
                .put("event.reason", reasonOf(kind, value))
                .put("event.severity", severity == null ? null
                        : SEVERITY_NUMBERS.get(severity.toLowerCase(Locale.ROOT)))
                .put("log.level", severity)
                .put("message", value.string("log_message"))
                .put("observer.name", value.string("cluster_name"))
                .put("observer.hostname", value.string("node_name"))
                .put("observer.ingress.interface.name", value.string("lif_name"))
                .put("user.name", initiator)
                .put("related.user", initiator == null ? null : List.of(initiator))
                .put("related.ip", Ecs.ips(Collections.singletonList(address)))
                .put("ontap.cluster.uuid", value.string("cluster_uuid"))
                .put("ontap.node.uuid", value.string("node_uuid"))
                .put("ontap.svm.name", value.string("svm_name"))
                .put("ontap.svm.uuid", value.string("svm_uuid"))
                .put("ontap.ems.event_kind", value.string("event_kind"))
                .put("ontap.ems.index", value.number("index"))
                .put("ontap.ems.portset", value.string("portset"))
                .put("ontap.ems.source", value.string("source"))
                .put("ontap.ems.parameters", value.list("parameters").stream().map(SourceFields::toMap).toList());
        BY_KIND.get(kind).putInto(document);
        Ecs.putSource(document, address, null);
        if (kind == EmsEventKind.LOGIN_REFUSED_BY_ADDRESS || kind == EmsEventKind.LOGIN_FAILED) {
            // san.initiator.login* speak of FC initiators too; only the iscsi.* messages are iSCSI over TCP.
            document.put("network.transport", "tcp").put("network.protocol", "iscsi");
        }
        return document;
    }

    /** iscsi.loginFailure's one parameter, m, is ONTAP's account of why; the refusal's reason is its name. */
    private static String reasonOf(EmsEventKind kind, SourceFields value) {
        if (kind == EmsEventKind.LOGIN_REFUSED_BY_ADDRESS) {
            return REFUSED_REASON;
        }
        if (kind != EmsEventKind.LOGIN_FAILED) {
            return null;
        }
        return value.list("parameters").stream().filter(p -> "m".equals(p.string("name")))
                .map(p -> p.string("value")).findFirst().orElse(null);
    }
}
