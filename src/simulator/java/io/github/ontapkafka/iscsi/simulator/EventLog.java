package io.github.ontapkafka.iscsi.simulator;

import io.github.ontapkafka.iscsi.model.EmsEvent;
import io.github.ontapkafka.iscsi.model.EmsParameter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A cluster's EMS: its nodes, each with its own {@link NodeEventLog}, the release's {@link EmsCatalogue}, and the
 * settings every node shares (retention, duplicate suppression, the clock events are stamped with). Thread-safe.
 */
final class EventLog {

    /** Events each node holds unless told otherwise: days of a busy node's chatter, as ONTAP's logs rotate weekly. */
    static final int DEFAULT_RETENTION = 10_000;

    private final Map<SimulatedNode, NodeEventLog> logs = new LinkedHashMap<>();
    private final EmsCatalogue catalogue = new EmsCatalogue();
    private volatile Clock clock = Clock.systemUTC();
    private volatile int retention = DEFAULT_RETENTION;
    private volatile Duration suppression = Duration.ZERO;

    /** Nodes {@code <cluster>-01}, {@code -02}..., whose UUIDs derive from the cluster's, so reruns see the same. */
    EventLog(String clusterName, String clusterUuid, int nodes) {
        if (nodes < 1) {
            throw new IllegalArgumentException("A cluster has at least one node: " + nodes);
        }
        for (int number = 1; number <= nodes; number++) {
            String name = String.format("%s-%02d", clusterName, number);
            String uuid = UUID.nameUUIDFromBytes((clusterUuid + "/node/" + number).getBytes(StandardCharsets.UTF_8))
                    .toString();
            SimulatedNode node = new SimulatedNode(name, uuid);
            logs.put(node, new NodeEventLog(node));
        }
    }

    List<SimulatedNode> nodes() {
        return List.copyOf(logs.keySet());
    }

    /**
     * Logs a message of the catalogue with its own severity.
     *
     * @throws IllegalStateException when the release lacks the message
     */
    EmsEvent log(SimulatedNode node, String messageName, List<EmsParameter> parameters) {
        EmsMessage message = catalogue.find(messageName).orElseThrow(() -> new IllegalStateException(
                "This cluster's release has no EMS message " + messageName));
        return log(node, message, message.severity(), parameters);
    }

    /** Logs any message; one the catalogue lacks joins it, as a release that logs a message knows it. */
    EmsEvent logAny(SimulatedNode node, String messageName, String severity, List<EmsParameter> parameters) {
        EmsMessage message = catalogue.find(messageName).orElseGet(() -> {
            EmsMessage added = EmsMessage.uncatalogued(messageName, severity.toLowerCase(Locale.ROOT),
                    parameters.size());
            catalogue.add(added);
            return added;
        });
        return log(node, message, severity.toLowerCase(Locale.ROOT), parameters);
    }

    /** One event of another subsystem ({@link EmsNoise}), whose message is logged even if the catalogue dropped it. */
    EmsEvent logNoise(SimulatedNode node) {
        long index = logOf(node).nextIndex();
        EmsMessage noise = EmsNoise.message(index);
        return log(node, noise, noise.severity(), EmsNoise.parameters(noise, node, index));
    }

    /** Every event the nodes hold, node by node, oldest first. */
    List<EmsEvent> events() {
        List<EmsEvent> all = new ArrayList<>();
        logs.values().forEach(log -> all.addAll(log.events()));
        return all;
    }

    EmsCatalogue catalogue() {
        return catalogue;
    }

    Clock clock() {
        return clock;
    }

    void setClock(Clock clock) {
        this.clock = clock;
    }

    int retention() {
        return retention;
    }

    /** Takes effect at once: nodes holding more drop their oldest events. */
    void setRetention(int retention) {
        if (retention < 1) {
            throw new IllegalArgumentException("EMS retention must be positive: " + retention);
        }
        this.retention = retention;
        logs.values().forEach(log -> log.trim(retention));
    }

    Duration suppression() {
        return suppression;
    }

    void setSuppression(Duration suppression) {
        if (suppression.isNegative()) {
            throw new IllegalArgumentException("Negative EMS suppression window: " + suppression);
        }
        this.suppression = suppression;
    }

    private EmsEvent log(SimulatedNode node, EmsMessage message, String severity, List<EmsParameter> parameters) {
        // ONTAP stamps events to the second.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return logOf(node).log(message, severity, List.copyOf(parameters), now, retention, suppression);
    }

    private NodeEventLog logOf(SimulatedNode node) {
        NodeEventLog log = logs.get(node);
        if (log == null) {
            throw new IllegalArgumentException(node + " is no node of this cluster");
        }
        return log;
    }
}
