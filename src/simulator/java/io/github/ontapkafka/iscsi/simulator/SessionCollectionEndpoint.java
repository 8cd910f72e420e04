package io.github.ontapkafka.iscsi.simulator;

import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.SessionKey;

import java.util.List;
import java.util.Set;

/**
 * {@code GET /api/protocols/san/iscsi/sessions}: one page of the sessions that pass the request's query filters
 * ({@link QueryFilter}), ordered by key, with a key cursor. The {@code next} link repeats every parameter but the
 * cursor, so later pages are filtered the same way.
 */
final class SessionCollectionEndpoint {

    /**
     * Parameters accepted besides {@code start.*} and field filters; {@code return_timeout} and {@code order_by} are
     * accepted and ignored (pages always end by count and come ordered by key). ONTAP rejects any other, and so does
     * this.
     */
    private static final Set<String> ACCEPTED = Set.of("fields", "max_records", "return_records", "return_timeout",
            "order_by", "ignore_unknown_fields");

    private final SimulatedCluster cluster;
    private final PageNumbers pageNumbers;

    SessionCollectionEndpoint(SimulatedCluster cluster, PageNumbers pageNumbers) {
        this.cluster = cluster;
        this.pageNumbers = pageNumbers;
    }

    /** @param page the request's page number within its walk, {@link PageNumbers#UNKNOWN} if untold */
    Reply get(ApiRequest request, int page) {
        QueryParameters query = request.query();
        QueryChecks.acceptOnly(query, name -> ACCEPTED.contains(name) || QueryParameters.isCursorParameter(name)
                || SessionFieldPaths.PATHS.isKnown(name));
        Set<SessionField> fields = FieldSelection.parse(SessionField.class, SessionField.KEYS, query.first("fields"),
                SessionField.KEYS, QueryChecks.flag(query, "ignore_unknown_fields", false));
        SessionKey cursor = SessionCursor.read(query).orElse(null);
        QueryFilter<IscsiSession> filter = QueryFilter.of(query, SessionFieldPaths.PATHS);
        if (!QueryChecks.flag(query, "return_records", true)) {
            int count = cluster.sessionsAfter(null, filter, Integer.MAX_VALUE).size();
            return CollectionReplies.count(request, OntapPaths.SESSIONS, count);
        }
        int limit = CollectionReplies.limit(query, cluster);
        List<IscsiSession> found = cluster.sessionsAfter(cursor, filter, limit + 1);
        SessionRecordWriter writer = SessionRecordWriter.forCluster(fields, request.hal(), cluster);
        return CollectionReplies.page(request, OntapPaths.SESSIONS, found, limit,
                last -> SessionCursor.after(query, last.key()), pageNumbers, page, writer::write);
    }
}
