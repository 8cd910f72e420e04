package io.github.ontapkafka.iscsi.simulator;

import io.github.ontapkafka.iscsi.model.EmsEvent;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Where a page of EMS events ends, as ONTAP's {@code next} links carry it: {@code start.keytime},
 * {@code start.node.name} and {@code start.index} of the last record served. Whatever the order, the next page
 * starts strictly after it, so events that age out meanwhile leave no hole in the walk and events logged meanwhile
 * join it where they sort.
 */
record EmsCursor(Instant time, String nodeName, long index) {

    private static final String TIME = "start.keytime";
    private static final String NODE_NAME = "start.node.name";
    private static final String INDEX = "start.index";

    static EmsCursor of(EmsEvent event) {
        return new EmsCursor(event.time(), event.nodeName(), event.index());
    }

    /** The position a request continues after, or empty for a first page. */
    static Optional<EmsCursor> read(QueryParameters query) {
        Optional<String> time = query.first(TIME);
        Optional<String> nodeName = query.first(NODE_NAME);
        Optional<String> index = query.first(INDEX);
        if (time.isEmpty() && nodeName.isEmpty() && index.isEmpty()) {
            return Optional.empty();
        }
        String missing = time.isEmpty() ? TIME : nodeName.isEmpty() ? NODE_NAME : index.isEmpty() ? INDEX : null;
        if (missing != null) {
            throw new RejectedRequest(OntapErrors.invalidValue(missing, ""));
        }
        Instant readTime;
        try {
            readTime = EmsTime.parse(time.get());
        } catch (IllegalArgumentException notATime) {
            throw new RejectedRequest(OntapErrors.invalidValue(TIME, time.get()));
        }
        try {
            return Optional.of(new EmsCursor(readTime, nodeName.get(), Long.parseLong(index.get())));
        } catch (NumberFormatException notANumber) {
            throw new RejectedRequest(OntapErrors.invalidValue(INDEX, index.get()));
        }
    }

    /** The query of the page after this position: every parameter the client sent, with the cursor moved here. */
    QueryParameters after(QueryParameters query, ZoneId zone) {
        return query.without(QueryParameters::isCursorParameter)
                .with(TIME, EmsTime.format(time, zone))
                .with(NODE_NAME, nodeName)
                .with(INDEX, Long.toString(index));
    }
}
