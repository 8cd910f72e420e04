package io.github.ontapkafka.iscsi.simulator;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/**
 * The replies of ONTAP's collection endpoints: a page of records with {@code num_records} and a {@code next} link
 * while more follow, or only the count ({@code return_records=false}). Without HAL, ONTAP drops every link but the one
 * clients need to go on.
 */
final class CollectionReplies {

    /** Writes one record of a collection. */
    @FunctionalInterface
    interface RecordWriter<T> {
        void write(JsonGenerator json, T record) throws IOException;
    }

    private CollectionReplies() {
    }

    /**
     * A page of the records of {@code path}.
     *
     * @param found       the page's records, fetched with one more than {@code limit} to tell whether more follow
     * @param nextQuery   the query of the page after a record: every parameter the client sent, with a cursor
     * @param pageNumbers where the {@code next} link is remembered as page {@code page} + 1, for faults on page K
     */
    static <T> Reply page(ApiRequest request, String path, List<T> found, int limit,
                          Function<T, QueryParameters> nextQuery, PageNumbers pageNumbers, int page,
                          RecordWriter<T> writer) {
        boolean more = found.size() > limit;
        List<T> records = more ? found.subList(0, limit) : found;
        String next = null;
        if (more) {
            QueryParameters query = nextQuery.apply(records.get(records.size() - 1));
            pageNumbers.recordNext(query, page);
            next = path + "?" + query.encode();
        }
        String nextHref = next;
        return Reply.of(200, request.replyContentType(), Json.write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("records");
            for (T record : records) {
                writer.write(json, record);
            }
            json.writeEndArray();
            json.writeNumberField("num_records", records.size());
            if (request.hal() || nextHref != null) {
                json.writeObjectFieldStart("_links");
                if (request.hal()) {
                    Json.writeLink(json, "self", selfHref(request, path));
                }
                if (nextHref != null) {
                    Json.writeLink(json, "next", nextHref);
                }
                json.writeEndObject();
            }
            json.writeEndObject();
        }));
    }

    /** {@code return_records=false}: only how many records pass the filters. */
    static Reply count(ApiRequest request, String path, int count) {
        return Reply.of(200, request.replyContentType(), Json.write(json -> {
            json.writeStartObject();
            json.writeNumberField("num_records", count);
            if (request.hal()) {
                Json.writeSelfLink(json, selfHref(request, path));
            }
            json.writeEndObject();
        }));
    }

    /**
     * The most records a page may hold: {@code max_records} if given, within the cluster's own cap.
     *
     * @return a number one less than {@link Integer#MAX_VALUE} at most, so that callers can fetch one more
     */
    static int limit(QueryParameters query, SimulatedCluster cluster) {
        return Math.min(Math.min(maxRecords(query), cluster.pageCap()), Integer.MAX_VALUE - 1);
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

    private static String selfHref(ApiRequest request, String path) {
        return request.query().isEmpty() ? path : path + "?" + request.query().encode();
    }
}
