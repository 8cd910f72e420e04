package io.github.ontapkafka.iscsi.transform;

import io.github.ontapkafka.iscsi.event.Version;
import org.apache.kafka.connect.data.Struct;

import java.util.ArrayList;
import java.util.List;

/**
 * One OCSF Authentication event under construction: what every event of the transform shares (classification,
 * remote network logon to the iSCSI service, product and logger, the extension), the parts each mapping fills, and the
 * observables derived from them at the end.
 */
final class AuthenticationEvent {

    static final int CLASS_UID = 3002;
    static final int CATEGORY_UID = 3;
    /** Who the initiator was when the record does not say (a LOGOUT of a session known by its key only): CIM's word. */
    static final String UNKNOWN_USER = "unknown";

    private static final int LOGON_TYPE_NETWORK = 3;
    private static final int USER_TYPE_SYSTEM = 3;
    private static final int OBSERVABLE_IP_ADDRESS = 2;
    private static final int OBSERVABLE_USER_NAME = 4;
    private static final String LOGGER_NAME = "kafka-connect-ontap-iscsi";

    private final Struct event = new Struct(OcsfSchemas.AUTHENTICATION);
    private final Struct metadata = new Struct(OcsfSchemas.METADATA);

    /**
     * @param activityName the label of an {@link Activity#OTHER} activity; for the others, their caption is used
     * @param time         when it happened, epoch milliseconds
     * @param logName      the topic the record was read from
     */
    AuthenticationEvent(Activity activity, String activityName, long time, String logName) {
        event.put("class_uid", CLASS_UID).put("class_name", "Authentication")
                .put("category_uid", CATEGORY_UID).put("category_name", "Identity & Access Management")
                .put("activity_id", activity.id)
                .put("activity_name", activity == Activity.OTHER ? activityName : activity.caption)
                .put("type_uid", (long) CLASS_UID * 100 + activity.id)
                .put("type_name", "Authentication: " + activity.caption)
                .put("time", time)
                .put("service", new Struct(OcsfSchemas.SERVICE).put("name", "iSCSI"))
                .put("is_remote", true)
                .put("logon_type_id", LOGON_TYPE_NETWORK).put("logon_type", "Network");
        metadata.put("version", OcsfExtension.SCHEMA_VERSION)
                .put("log_name", logName)
                .put("product", new Struct(OcsfSchemas.PRODUCT).put("name", "ONTAP").put("vendor_name", "NetApp"))
                .put("loggers", List.of(new Struct(OcsfSchemas.LOGGER).put("name", LOGGER_NAME)
                        .put("product", new Struct(OcsfSchemas.PRODUCT)
                                .put("name", "Kafka Connect source connector for ONTAP iSCSI sessions")
                                .put("version", Version.get()))))
                .put("extensions", List.of(OcsfExtension.reference()));
    }

    AuthenticationEvent severity(Severity severity, String sourceSeverity) {
        event.put("severity_id", severity.id).put("severity", severity == Severity.OTHER ? sourceSeverity
                : severity.caption);
        return this;
    }

    AuthenticationEvent status(boolean success, String detail) {
        event.put("status_id", success ? 1 : 2).put("status", success ? "Success" : "Failure")
                .put("status_detail", detail);
        return this;
    }

    /** The record's own id and type, and where ONTAP's process logged it, if it did. */
    AuthenticationEvent source(String eventId, String eventCode, String logProvider) {
        metadata.put("uid", eventId).put("event_code", eventCode).put("log_provider", logProvider);
        return this;
    }

    AuthenticationEvent loggedAt(Long loggedTime) {
        metadata.put("logged_time", loggedTime);
        return this;
    }

    /** The initiator as OCSF's user: a machine identity, like a computer account; {@code name} is its IQN. */
    AuthenticationEvent initiator(String name, String alias, List<Struct> groups) {
        event.put("user", new Struct(OcsfSchemas.USER).put("name", name == null ? UNKNOWN_USER : name)
                .put("display_name", alias).put("type_id", USER_TYPE_SYSTEM).put("type", "System")
                .put("groups", groups));
        return this;
    }

    AuthenticationEvent put(String field, Object value) {
        event.put(field, value);
        return this;
    }

    Struct build() {
        event.put("metadata", metadata);
        List<Struct> observables = new ArrayList<>(3);
        addObservable(observables, "src_endpoint.ip", OBSERVABLE_IP_ADDRESS, "IP Address",
                ipOf(event.getStruct("src_endpoint")));
        addObservable(observables, "dst_endpoint.ip", OBSERVABLE_IP_ADDRESS, "IP Address",
                ipOf(event.getStruct("dst_endpoint")));
        String user = event.getStruct("user").getString("name");
        addObservable(observables, "user.name", OBSERVABLE_USER_NAME, "User Name",
                UNKNOWN_USER.equals(user) ? null : user);
        return event.put("observables", observables.isEmpty() ? null : observables);
    }

    private static String ipOf(Struct endpoint) {
        return endpoint == null ? null : endpoint.getString("ip");
    }

    private static void addObservable(List<Struct> observables, String name, int typeId, String type, String value) {
        if (value != null) {
            observables.add(new Struct(OcsfSchemas.OBSERVABLE).put("name", name).put("type_id", typeId)
                    .put("type", type).put("value", value));
        }
    }
}
