package io.github.ontapkafka.iscsi.simulator;

import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.SessionKey;

import java.util.List;
import java.util.Set;

/**
 * {@code GET /api/protocols/san/iscsi/sessions}: one page of the sessions that pass the request's query filters
 * ({@link SessionFilter}), ordered by key, with a key cursor. The {@code next} link repeats every parameter but the
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
        QueryChecks.acceptOnly(query, name -> ACCEPTED.contains(name) || SessionCursor.isCursorParameter(name)
                || SessionFilter.isFilterParameter(name));
        Set<SessionField> fields = FieldSelection.parse(query.first("fields"), SessionField.KEYS,
                QueryChecks.flag(query, "ignore_unknown_fields", false));
        SessionKey cursor = SessionCursor.read(query).orElse(null);
        SessionFilter filter = SessionFilter.of(query);
        if (!QueryChecks.flag(query, "return_records", true)) {
            return countOnly(request, filter);
        }
        int limit = Math.min(maxRecords(query), cluster.pageCap());
        List<IscsiSession> found = cluster.sessionsAfter(cursor, filter,
                limit == Integer.MAX_VALUE ? limit : limit + 1);
        boolean more = found.size() > limit;
        List<IscsiSession> records = more ? found.subList(0, limit) : found;
        String next = null;
        if (more) {
            QueryParameters nextQuery = SessionCursor.after(query, records.get(records.size() - 1).key());
            pageNumbers.recordNext(nextQuery, page);
            next = OntapPaths.SESSIONS + "?" + nextQuery.encode();
        }
        return page(request, records, fields, next);
    }

    private Reply page(ApiRequest request, List<IscsiSession> records, Set<SessionField> fields, String next) {
        SessionRecordWriter writer = SessionRecordWriter.forCluster(fields, request.hal(), cluster);
        return Reply.of(200, request.replyContentType(), Json.write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("records");
            for (IscsiSession session : records) {
                writer.write(json, session);
            }
            json.writeEndArray();
            json.writeNumberField("num_records", records.size());
            // Without HAL, ONTAP drops every link but the one clients need to go on.
            if (request.hal() || next != null) {
                json.writeObjectFieldStart("_links");
                if (request.hal()) {
                    Json.writeLink(json, "self", selfHref(request));
                }
                if (next != null) {
                    Json.writeLink(json, "next", next);
                }
                json.writeEndObject();
            }
            json.writeEndObject();
        }));
    }

    /** {@code return_records=false}: only how many records pass the filters. */
    private Reply countOnly(ApiRequest request, SessionFilter filter) {
        int count = cluster.sessionsAfter(null, filter, Integer.MAX_VALUE).size();
        return Reply.of(200, request.replyContentType(), Json.write(json -> {
            json.writeStartObject();
            json.writeNumberField("num_records", count);
            if (request.hal()) {
                Json.writeSelfLink(json, selfHref(request));
            }
            json.writeEndObject();
        }));
    }

    private static int maxRecords(QueryParameters query) {
        String requested = query.first("max_records").orElse(null);
        if (requested == null) {
            return Integer.MAX_VALUE;
        }
        try {
            int maxRecords = Integer.parseInt(requested);
            if (maxRecords > 0) {
                return maxRecords;
            }
        } catch (NumberFormatException notANumber) {
            // Rejected below, like a number out of range.
        }
        throw new RejectedRequest(OntapErrors.invalidValue("max_records", requested));
    }

    private static String selfHref(ApiRequest request) {
        return request.query().isEmpty() ? OntapPaths.SESSIONS : OntapPaths.SESSIONS + "?" + request.query().encode();
    }
}
