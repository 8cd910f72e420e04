package io.github.ontapkafka.iscsi.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ontapkafka.iscsi.it.EventLog.Event;
import io.github.ontapkafka.iscsi.model.Connection;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.simulator.SimulatedCluster;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The downstream view of the stream: replaying a cluster's events in order — SNAPSHOT/LOGIN add a session, LOGOUT
 * removes it, CONNECTION_CHANGE replaces its connections — must yield exactly the cluster's live sessions.
 */
final class StreamReplay {

    private StreamReplay() {
    }

    /** Session key → its connections, as the events of {@code clusterUuid} describe them. */
    static Map<String, Set<String>> replay(List<Event> events, String clusterUuid) {
        Map<String, Set<String>> sessions = new TreeMap<>();
        for (Event event : events) {
            if (!event.clusterUuid().equals(clusterUuid)) {
                continue;
            }
            String key = key(event.key());
            switch (event.type()) {
                case "LOGOUT" -> sessions.remove(key);
                case "SNAPSHOT", "LOGIN", "CONNECTION_CHANGE" -> sessions.put(key, connections(event.session()));
                default -> throw new AssertionError("unknown event type " + event.type());
            }
        }
        return sessions;
    }

    /** Session key → its connections, as the simulated cluster holds them now. */
    static Map<String, Set<String>> live(SimulatedCluster cluster) {
        Map<String, Set<String>> sessions = new TreeMap<>();
        for (IscsiSession session : cluster.sessions()) {
            Set<String> connections = new TreeSet<>();
            for (Connection c : session.connectionsOrEmpty()) {
                connections.add(connection(c.cid(), c.authenticationType(),
                        c.initiatorAddress() == null ? null : c.initiatorAddress().address(),
                        c.initiatorAddress() == null ? null : c.initiatorAddress().port(),
                        c.networkInterface() == null ? null : c.networkInterface().uuid()));
            }
            sessions.put(session.svm().uuid() + "/" + session.targetPortalGroup() + "/" + session.tsih(), connections);
        }
        return sessions;
    }

    /** "svm uuid/portal group/tsih" of a session key as JsonConverter wrote it. */
    static String key(JsonNode key) {
        return key.get("svm_uuid").asText() + "/" + key.get("target_portal_group").asText() + "/" + key.get("tsih").asInt();
    }

    /** The connections of a session as JsonConverter wrote it, in the form of {@link #live}. */
    static Set<String> connections(JsonNode session) {
        Set<String> connections = new TreeSet<>();
        JsonNode list = session.get("connections");
        if (list == null || list.isNull()) {
            return connections;
        }
        for (JsonNode c : list) {
            JsonNode address = c.get("initiator_address");
            JsonNode lif = c.get("interface");
            connections.add(connection(c.get("cid").asInt(), text(c.get("authentication_type")),
                    address == null || address.isNull() ? null : text(address.get("address")),
                    address == null || address.isNull() || address.get("port").isNull() ? null : address.get("port").asInt(),
                    lif == null || lif.isNull() ? null : text(lif.get("uuid"))));
        }
        return connections;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String connection(int cid, String authentication, String address, Integer port, String lifUuid) {
        return cid + "|" + authentication + "|" + address + ":" + port + "|" + lifUuid;
    }

    /** Waits until, for every cluster, replaying its events yields its live sessions and connections. */
    static void awaitConvergence(EventLog log, List<SimulatedCluster> clusters, Duration timeout) {
        List<String> diverging = new ArrayList<>();
        try {
            Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
                List<Event> events = log.drain();
                diverging.clear();
                for (SimulatedCluster cluster : clusters) {
                    if (!replay(events, cluster.uuid()).equals(live(cluster))) {
                        diverging.add(cluster.name());
                    }
                }
                return diverging.isEmpty();
            });
        } finally {
            assertThat(diverging).as("clusters whose stream does not replay to their live sessions").isEmpty();
        }
    }
}
