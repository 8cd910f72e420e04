package io.github.ontapkafka.iscsi.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ontapkafka.iscsi.it.EventLog.Event;
import io.github.ontapkafka.iscsi.model.Connection;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.simulator.SimulatedCluster;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;
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

    private static String key(JsonNode key) {
        return key.get("svm_uuid").asText() + "/" + key.get("target_portal_group").asText() + "/" + key.get("tsih").asInt();
    }

    private static Set<String> connections(JsonNode session) {
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

    /**
     * A record of the current-sessions table: its cluster and session key, and the session's connections, null for
     * a tombstone.
     */
    record TableEntry(String key, Set<String> connections) {

        static TableEntry of(ConsumerRecord<byte[], byte[]> record) {
            JsonNode key = TopicLog.json(record.key());
            JsonNode value = TopicLog.json(record.value());
            return new TableEntry(key.get("cluster_uuid").asText() + "/" + StreamReplay.key(key),
                    value == null ? null : StreamReplay.connections(value.get("session")));
        }
    }

    /** The current-sessions table topic, read from its start as JsonConverter without schemas wrote it. */
    static TopicLog<TableEntry> table(EmbeddedKafkaCluster kafka, String topic) {
        return new TopicLog<>(kafka, topic, TableEntry::of);
    }

    /**
     * Waits until the table, read to its end (the last record of each key; a tombstone deletes it), holds exactly
     * every cluster's live sessions with their connections; returns how many.
     */
    static int awaitTableOfLiveSessions(TopicLog<TableEntry> table, List<SimulatedCluster> clusters,
                                        Duration timeout) {
        Map<String, Set<String>> expected = new TreeMap<>();
        clusters.forEach(cluster -> live(cluster).forEach((key, connections) ->
                expected.put(cluster.uuid() + "/" + key, connections)));
        Map<String, Set<String>> current = new TreeMap<>();
        try {
            Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
                current.clear();
                for (TableEntry entry : table.drain()) {
                    if (entry.connections() == null) {
                        current.remove(entry.key());
                    } else {
                        current.put(entry.key(), entry.connections());
                    }
                }
                return current.equals(expected);
            });
        } finally {
            assertThat(current).as("the table read to its end").isEqualTo(expected);
        }
        return current.size();
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
