package io.github.ontapkafka.iscsi.demo;

import org.apache.avro.generic.GenericRecord;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.github.ontapkafka.iscsi.demo.Column.ADDRESSES;
import static io.github.ontapkafka.iscsi.demo.Column.CLOCK;
import static io.github.ontapkafka.iscsi.demo.Column.CLUSTER;
import static io.github.ontapkafka.iscsi.demo.Column.EVENT;
import static io.github.ontapkafka.iscsi.demo.Column.GAP;
import static io.github.ontapkafka.iscsi.demo.Column.INITIATOR;
import static io.github.ontapkafka.iscsi.demo.Column.NONE;
import static io.github.ontapkafka.iscsi.demo.Column.PORTAL_GROUP;
import static io.github.ontapkafka.iscsi.demo.Column.SVM;
import static io.github.ontapkafka.iscsi.demo.Column.TIME;
import static io.github.ontapkafka.iscsi.demo.Column.TSIH;
import static io.github.ontapkafka.iscsi.demo.Palette.Colour.BOLD;
import static io.github.ontapkafka.iscsi.demo.Palette.Colour.CYAN;
import static io.github.ontapkafka.iscsi.demo.Palette.Colour.DIM;
import static io.github.ontapkafka.iscsi.demo.Palette.Colour.GREEN;
import static io.github.ontapkafka.iscsi.demo.Palette.Colour.RED;
import static io.github.ontapkafka.iscsi.demo.Palette.Colour.YELLOW;
import static io.github.ontapkafka.iscsi.fixtures.AvroFields.get;
import static io.github.ontapkafka.iscsi.fixtures.AvroFields.records;
import static io.github.ontapkafka.iscsi.fixtures.AvroFields.text;

/**
 * One session event, decoded from Avro, as one aligned console line: time, type, cluster, SVM, portal group, TSIH,
 * initiator, its addresses, and what changed. It remembers the last logout, so that a login that takes over its
 * TSIH within the same poll is pointed out as a TSIH reuse. A change of a cluster's health gets a line of its own
 * between the events, in the same columns as far as they apply.
 */
final class EventLine {

    /** {@code iqn.<year>-<month>.<reversed domain>[:<unique name>]}, RFC 3720. */
    private static final Pattern IQN = Pattern.compile("iqn\\.\\d{4}-\\d{2}\\.([^:]+)(?::(.*))?");

    private final Palette palette;
    private final ZoneId zone;
    private String lastLogout;

    EventLine(Palette palette, ZoneId zone) {
        this.palette = palette;
        this.zone = zone;
    }

    /**
     * What the last column says for each type of event, then the column titles. {@code moreLegend} explains the
     * lines of the other topics shown in the same columns (EMS).
     */
    String header(List<String> moreLegend) {
        String titles = String.join(GAP, TIME.heading(), EVENT.heading(), CLUSTER.heading(), SVM.heading(),
                PORTAL_GROUP.heading(), TSIH.headingRight(), INITIATOR.heading(), ADDRESSES.heading())
                + GAP + "WHAT CHANGED";
        List<String> legend = new ArrayList<>(List.of("SNAPSHOT: logged in when the connector started   LOGIN / "
                + "LOGOUT: a session began / ended   CONNECTION_CHANGE: +cid connection added, -cid removed",
                "HEALTH OK / FAILING: the connector watches a cluster / cannot, and why"));
        legend.addAll(moreLegend);
        return palette.paint(DIM, String.join("\n", legend)) + "\n" + palette.paint(BOLD, titles);
    }

    String format(GenericRecord event) {
        String type = text(event, "event_type");
        String key = String.join("/", text(event, "cluster.uuid"), text(event, "session.svm.uuid"),
                text(event, "session.target_portal_group"), String.valueOf(get(event, "session.tsih")));
        String tsihReuse = "LOGIN".equals(type) && key.equals(lastLogout) ? "  (TSIH reused)" : "";
        lastLogout = "LOGOUT".equals(type) ? key : null;
        return String.join(GAP,
                CLOCK.format(Instant.ofEpochMilli(((Number) get(event, "observed_at")).longValue()).atZone(zone)),
                typeColour(type, EVENT.fit(type)),
                CLUSTER.fit(text(event, "cluster.name")),
                SVM.fit(text(event, "session.svm.name")),
                PORTAL_GROUP.fit(text(event, "session.target_portal_group")),
                TSIH.fitRight(String.valueOf(get(event, "session.tsih"))),
                INITIATOR.fit(shortIqn(text(event, "session.initiator.name"))),
                ADDRESSES.pad(addresses(records(event, "session.connections"))),
                change(type, event) + palette.paint(CYAN, tsihReuse));
    }

    /**
     * A health record as a line, or null for a heartbeat: only changes of a cluster's health are news on a console.
     */
    String health(GenericRecord record) {
        if (!"CHANGE".equals(text(record, "trigger"))) {
            return null;
        }
        String status = text(record, "status");
        String cluster = Objects.requireNonNullElse(text(record, "cluster_name"), text(record, "cluster_url"));
        String what;
        if ("FAILING".equals(status)) {
            // The message names the cluster first; the line already does.
            what = text(record, "failure_message").replaceFirst("^ONTAP cluster \\S+: ", "");
        } else {
            what = "watching: " + get(record, "sessions_tracked") + " sessions";
        }
        String type = "HEALTH " + status;
        return String.join(GAP,
                CLOCK.format(Instant.ofEpochMilli(((Number) get(record, "emitted_at")).longValue()).atZone(zone)),
                palette.paint("OK".equals(status) ? GREEN : RED, EVENT.fit(type)),
                CLUSTER.fit(cluster),
                palette.paint("OK".equals(status) ? DIM : RED, what));
    }

    /**
     * The part of an IQN that tells hosts apart: the naming authority's own label and the unique name, without a
     * domain ({@code iqn.1991-05.com.microsoft:db-host-001.corp.example.com} becomes
     * {@code microsoft:db-host-001}). Other names (eui., naa.) stay as they are.
     */
    static String shortIqn(String name) {
        if (name == null) {
            return NONE;
        }
        Matcher iqn = IQN.matcher(name);
        if (!iqn.matches()) {
            return name;
        }
        String authority = iqn.group(1).substring(iqn.group(1).lastIndexOf('.') + 1);
        String unique = iqn.group(2);
        if (unique == null || unique.isEmpty()) {
            return authority;
        }
        int domain = unique.indexOf('.');
        return authority + ":" + (domain > 0 ? unique.substring(0, domain) : unique);
    }

    private String change(String type, GenericRecord event) {
        List<GenericRecord> connections = records(event, "session.connections");
        return switch (type) {
            case "SNAPSHOT", "LOGIN" -> connectionCount(connections) + authentication(connections);
            case "LOGOUT" -> connections == null ? "ended" : "ended with " + connectionCount(connections);
            case "CONNECTION_CHANGE" -> connectionChanges(event, connections);
            default -> type;
        };
    }

    private String connectionChanges(GenericRecord event, List<GenericRecord> connections) {
        List<GenericRecord> added = records(event, "connections_added");
        List<GenericRecord> removed = records(event, "connections_removed");
        if (added == null && removed == null) {
            // The connector was restarted in between, so it knows the connections now but not what they were.
            return "now " + connectionCount(connections);
        }
        List<String> changes = new ArrayList<>();
        Objects.requireNonNullElse(removed, List.<GenericRecord>of())
                .forEach(connection -> changes.add(palette.paint(RED, "-" + describe(connection))));
        Objects.requireNonNullElse(added, List.<GenericRecord>of())
                .forEach(connection -> changes.add(palette.paint(GREEN, "+" + describe(connection))));
        return String.join(" ", changes);
    }

    private static String describe(GenericRecord connection) {
        String address = text(connection, "initiator_address.address");
        Object port = get(connection, "initiator_address.port");
        return "cid " + get(connection, "cid") + " " + (address == null ? NONE
                : (address.contains(":") ? "[" + address + "]" : address) + (port == null ? "" : ":" + port));
    }

    private static String connectionCount(List<GenericRecord> connections) {
        int count = connections == null ? 0 : connections.size();
        return count + (count == 1 ? " connection" : " connections");
    }

    private static String authentication(List<GenericRecord> connections) {
        Set<String> types = connections == null ? Set.of() : connections.stream()
                .map(connection -> text(connection, "authentication_type")).filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return types.isEmpty() ? "" : ", " + String.join("/", types);
    }

    private static String addresses(List<GenericRecord> connections) {
        String distinct = connections == null ? "" : connections.stream()
                .map(connection -> text(connection, "initiator_address.address")).filter(Objects::nonNull)
                .distinct().collect(Collectors.joining(","));
        return distinct.isEmpty() ? NONE : distinct;
    }

    private String typeColour(String type, String padded) {
        return switch (type) {
            case "LOGIN" -> palette.paint(GREEN, padded);
            case "LOGOUT" -> palette.paint(RED, padded);
            case "CONNECTION_CHANGE" -> palette.paint(YELLOW, padded);
            default -> palette.paint(DIM, padded);
        };
    }
}
