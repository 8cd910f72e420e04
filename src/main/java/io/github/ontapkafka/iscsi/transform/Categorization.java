package io.github.ontapkafka.iscsi.transform;

import java.util.List;

/**
 * The ECS categorization of one kind of event: {@code event.kind}, {@code event.category}, {@code event.type},
 * {@code event.action} and {@code event.outcome}. Only the types ECS expects for a category are used (start, end,
 * info for authentication and session), and no outcome for info events, as ECS advises.
 */
record Categorization(String kind, List<String> categories, List<String> types, String action, String outcome) {

    static final String AUTHENTICATION = "authentication";
    static final String SESSION = "session";

    /** An event ECS has no category for: kind only, the record's own code and message say what it is. */
    static Categorization uncategorized() {
        return new Categorization("event", List.of(), List.of(), null, null);
    }

    void putInto(EcsDocument document) {
        document.put("event.kind", kind)
                .put("event.category", categories)
                .put("event.type", types)
                .put("event.action", action)
                .put("event.outcome", outcome);
    }
}
