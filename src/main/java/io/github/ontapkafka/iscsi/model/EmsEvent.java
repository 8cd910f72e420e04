package io.github.ontapkafka.iscsi.model;

import java.time.Instant;
import java.util.List;

/**
 * One record of a node's ONTAP event log (EMS), as {@code GET /api/support/ems/events} returns it. A record is
 * identified by its node and its {@code index}, which counts the node's events of every kind: indexes of the events
 * a filter selects have gaps. Every field but the node's UUID and the index may be null when ONTAP did not give it.
 *
 * @param time       when the node logged it, as ONTAP wrote it with its offset, read as an instant
 * @param parameters the message's parameters in ONTAP's order, values as ONTAP wrote them (strings)
 */
public record EmsEvent(String nodeUuid, String nodeName, long index, Instant time, String messageName,
                       String severity, String logMessage, List<EmsParameter> parameters, String source) {

    public EmsEvent {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }

    /** The value of the first parameter named {@code name}, or null. */
    public String parameter(String name) {
        for (EmsParameter parameter : parameters) {
            if (parameter.name().equals(name)) {
                return parameter.value();
            }
        }
        return null;
    }
}
