package io.github.ontapkafka.iscsi.demo;

import io.github.ontapkafka.iscsi.event.EmsEventKind;
import org.apache.avro.generic.GenericRecord;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Objects;

import static io.github.ontapkafka.iscsi.demo.Column.ADDRESSES;
import static io.github.ontapkafka.iscsi.demo.Column.CLOCK;
import static io.github.ontapkafka.iscsi.demo.Column.CLUSTER;
import static io.github.ontapkafka.iscsi.demo.Column.EVENT;
import static io.github.ontapkafka.iscsi.demo.Column.GAP;
import static io.github.ontapkafka.iscsi.demo.Column.INITIATOR;
import static io.github.ontapkafka.iscsi.demo.Column.NONE;
import static io.github.ontapkafka.iscsi.demo.Column.PORTAL_GROUP;
import static io.github.ontapkafka.iscsi.demo.Column.SVM;
import static io.github.ontapkafka.iscsi.demo.Column.TSIH;
import static io.github.ontapkafka.iscsi.demo.Palette.Colour.DIM;
import static io.github.ontapkafka.iscsi.demo.Palette.Colour.GREEN;
import static io.github.ontapkafka.iscsi.demo.Palette.Colour.RED;
import static io.github.ontapkafka.iscsi.demo.Palette.Colour.YELLOW;
import static io.github.ontapkafka.iscsi.fixtures.AvroFields.get;
import static io.github.ontapkafka.iscsi.fixtures.AvroFields.text;

/**
 * One record of ONTAP's event log (EMS), decoded from Avro, as one console line in the session events' columns:
 * when the node logged it, what happened, cluster, SVM, LIF (under the portal group, which ONTAP names after it),
 * initiator and the address it came from, and what ONTAP says; then which node logged it under which index, which
 * is where an administrator finds it on the cluster. Polling shows only the logins that succeeded: these lines are
 * the ones that did not.
 */
final class EmsLine {

    /** What the lines say, for the legend above the column titles. */
    static final String LEGEND = "REFUSED / LOGIN FAILED: ONTAP's event log tells of a login refused for the address "
            + "it came from / failed   LOGIN MISSING / BACK: an igroup's initiator not logged in to a node / again";

    private final Palette palette;
    private final ZoneId zone;

    EmsLine(Palette palette, ZoneId zone) {
        this.palette = palette;
        this.zone = zone;
    }

    String format(GenericRecord event) {
        Kind kind = Kind.of(text(event, "event_kind"));
        Instant observed = instant(event, "observed_at");
        // The node's own time: at first contact the connector reads what the nodes still hold, which may be old.
        Instant logged = Objects.requireNonNullElse(instant(event, "ontap_time"), observed);
        LocalDate day = logged.atZone(zone).toLocalDate();
        String earlierDay = day.equals(observed.atZone(zone).toLocalDate()) ? "" : ", " + day;
        String where = "  (node " + text(event, "node_name") + " #" + get(event, "index") + earlierDay + ")";
        return String.join(GAP,
                CLOCK.format(logged.atZone(zone)),
                palette.paint(kind.colour, EVENT.fit(kind.label)),
                CLUSTER.fit(text(event, "cluster_name")),
                SVM.fit(text(event, "svm_name")),
                PORTAL_GROUP.fit(text(event, "lif_name")),
                TSIH.fitRight(NONE),
                INITIATOR.fit(EventLine.shortIqn(text(event, "initiator_name"))),
                ADDRESSES.pad(Objects.requireNonNullElse(text(event, "initiator_address"), NONE)),
                what(kind, event) + palette.paint(DIM, where));
    }

    private static String what(Kind kind, GenericRecord event) {
        String name = text(event, "message_name");
        String text = withoutName(name, text(event, "log_message"));
        return switch (kind) {
            case REFUSED -> "address not allowed for this initiator";
            case FAILED -> Objects.requireNonNullElse(text, NONE);
            case MISSING -> "not logged in to the node";
            case BACK -> "logged in to the node again";
            case NOT_NEEDED -> "no longer needs to log in to the node";
            case OTHER -> Objects.requireNonNullElse(name, NONE) + (text == null ? "" : ": " + text);
        };
    }

    /** ONTAP's log message starts with the message name, which the line either has no need of or shows already. */
    private static String withoutName(String messageName, String logMessage) {
        if (logMessage == null || messageName == null || !logMessage.startsWith(messageName + ": ")) {
            return logMessage;
        }
        return logMessage.substring(messageName.length() + 2);
    }

    private static Instant instant(GenericRecord event, String field) {
        Object millis = get(event, field);
        return millis == null ? null : Instant.ofEpochMilli(((Number) millis).longValue());
    }

    /** How each kind shows; a kind a newer connector adds shows as {@link EmsEventKind#OTHER}. */
    private enum Kind {
        REFUSED(EmsEventKind.LOGIN_REFUSED_BY_ADDRESS, "REFUSED", RED),
        FAILED(EmsEventKind.LOGIN_FAILED, "LOGIN FAILED", RED),
        MISSING(EmsEventKind.INITIATOR_LOGIN_MISSING, "LOGIN MISSING", YELLOW),
        BACK(EmsEventKind.INITIATOR_LOGIN_RESTORED, "LOGIN BACK", GREEN),
        NOT_NEEDED(EmsEventKind.INITIATOR_LOGIN_NOT_REQUIRED, "LOGIN NOT NEEDED", DIM),
        OTHER(EmsEventKind.OTHER, "EMS", DIM);

        private final EmsEventKind eventKind;
        private final String label;
        private final Palette.Colour colour;

        Kind(EmsEventKind eventKind, String label, Palette.Colour colour) {
            this.eventKind = eventKind;
            this.label = label;
            this.colour = colour;
        }

        static Kind of(String eventKind) {
            return Arrays.stream(values()).filter(kind -> kind.eventKind.name().equals(eventKind)).findFirst()
                    .orElse(OTHER);
        }
    }
}
