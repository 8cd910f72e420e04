package io.github.ontapkafka.iscsi.simulator;

import io.github.ontapkafka.iscsi.model.EmsEvent;
import io.github.ontapkafka.iscsi.model.EmsParameter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One node's event log: every event the node logs takes its next {@code index}, whatever the message, so that the
 * events a filter selects have gaps. It holds only the newest events (ONTAP's logs rotate, and a client polling too
 * rarely finds a gap), and drops a repeat of a message with the same parameters within the suppression window
 * without giving it an index, as EMS duplicate suppression does. Thread-safe.
 */
final class NodeEventLog {

    private final SimulatedNode node;
    private final Deque<EmsEvent> held = new ArrayDeque<>();
    /** When each message and parameters last got a record, for duplicate suppression. */
    private final Map<List<Object>, Instant> lastLogged = new HashMap<>();
    private long nextIndex = 1;

    NodeEventLog(SimulatedNode node) {
        this.node = node;
    }

    /**
     * @param retention   how many events the node holds at most; the oldest go
     * @param suppression how long a repeat is dropped after the same message with the same parameters got a record;
     *                    zero drops none
     * @return the event logged, or null when it was suppressed
     */
    synchronized EmsEvent log(EmsMessage message, String severity, List<EmsParameter> parameters, Instant time,
                              int retention, Duration suppression) {
        if (isSuppressed(List.of(message.name(), parameters), time, suppression)) {
            return null;
        }
        EmsEvent event = new EmsEvent(node.uuid(), node.name(), nextIndex++, time, message.name(), severity,
                message.logMessage(parameters), parameters, message.source());
        held.addLast(event);
        trim(retention);
        return event;
    }

    /** The index the next event logged takes, unless another is logged first. */
    synchronized long nextIndex() {
        return nextIndex;
    }

    /** The events held, oldest first. */
    synchronized List<EmsEvent> events() {
        return List.copyOf(held);
    }

    synchronized void trim(int retention) {
        while (held.size() > retention) {
            held.removeFirst();
        }
    }

    private boolean isSuppressed(List<Object> repeatKey, Instant time, Duration suppression) {
        if (suppression.isZero()) {
            lastLogged.clear();
            return false;
        }
        lastLogged.values().removeIf(logged -> !time.isBefore(logged.plus(suppression)));
        if (lastLogged.containsKey(repeatKey)) {
            return true;
        }
        lastLogged.put(repeatKey, time);
        return false;
    }
}
