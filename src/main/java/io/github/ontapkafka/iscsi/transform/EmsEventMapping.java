package io.github.ontapkafka.iscsi.transform;

import io.github.ontapkafka.iscsi.event.EmsEventKind;
import org.apache.kafka.connect.data.Struct;

import java.util.List;

/**
 * An EMS record ({@code io.github.ontapkafka.iscsi.EmsEvent}) as an OCSF Authentication event: a refused or failed
 * login is a failed Logon; the {@code san.initiator.login*} reports and messages of newer releases are Other activities
 * under their own names, without a status, since they report a state rather than the outcome of an attempt. See
 * {@link ToOcsf} for the mapping.
 */
final class EmsEventMapping {

    /** The one parameter of {@code iscsi.loginFailure}: ONTAP's reason, in its own words. */
    private static final String LOGIN_FAILURE_REASON = "m";

    private EmsEventMapping() {
    }

    static Struct map(SourceFields value, String topic) {
        EmsEventKind kind = value.emsEventKind();
        String messageName = value.string("message_name");
        long observedAt = value.millis("observed_at");
        Long loggedByOntap = value.millis("ontap_time");
        String severity = value.string("severity");

        AuthenticationEvent event = new AuthenticationEvent(activityOf(kind), activityNameOf(kind, messageName),
                loggedByOntap != null ? loggedByOntap : observedAt, topic)
                .severity(Severity.ofEms(severity), severity)
                .source(value.string("event_id"), messageName, value.string("source"))
                .loggedAt(observedAt)
                .initiator(value.string("initiator_name"), null, null)
                .put("message", value.string("log_message"))
                .put("src_endpoint", Endpoints.source(value.string("initiator_address"), null))
                .put("dst_endpoint", Endpoints.target(value.string("svm_name"), value.string("svm_uuid"), null, null,
                        value.string("lif_name"), null));
        if (kind == EmsEventKind.LOGIN_REFUSED_BY_ADDRESS) {
            event.status(false, "Initiator address not authorized");
        } else if (kind == EmsEventKind.LOGIN_FAILED) {
            event.status(false, parameter(value.listOrNull("parameters"), LOGIN_FAILURE_REASON));
        }
        return event.put(OcsfExtension.ATTRIBUTE, ontapIscsiOf(value)).build();
    }

    private static Struct ontapIscsiOf(SourceFields value) {
        return new Struct(OcsfSchemas.ONTAP_ISCSI)
                .put("ontap_cluster_name", value.string("cluster_name"))
                .put("ontap_cluster_uid", value.string("cluster_uuid"))
                .put("ontap_node_name", value.string("node_name"))
                .put("ontap_node_uid", value.string("node_uuid"))
                .put("ontap_ems_index", value.number("index"))
                .put("ontap_ems_severity", value.string("severity"))
                .put("ontap_portset", value.string("portset"));
    }

    private static Activity activityOf(EmsEventKind kind) {
        return kind == EmsEventKind.LOGIN_REFUSED_BY_ADDRESS || kind == EmsEventKind.LOGIN_FAILED ? Activity.LOGON
                : Activity.OTHER;
    }

    private static String activityNameOf(EmsEventKind kind, String messageName) {
        return switch (kind) {
            case INITIATOR_LOGIN_MISSING -> "Login Missing";
            case INITIATOR_LOGIN_RESTORED -> "Login Restored";
            case INITIATOR_LOGIN_NOT_REQUIRED -> "Login Not Required";
            default -> messageName != null ? messageName : "Other";
        };
    }

    private static String parameter(List<SourceFields> parameters, String name) {
        return parameters == null ? null : parameters.stream().filter(p -> name.equals(p.string("name")))
                .map(p -> p.string("value")).findFirst().orElse(null);
    }
}
