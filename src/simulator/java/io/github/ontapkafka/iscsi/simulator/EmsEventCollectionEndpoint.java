package io.github.ontapkafka.iscsi.simulator;

import io.github.ontapkafka.iscsi.model.EmsEvent;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code GET /api/support/ems/events}: one page of the events the cluster's nodes hold that pass the request's query
 * filters ({@link QueryFilter} on {@link EmsFieldPaths}), in {@link EmsOrder order} (newest first unless told), with
 * ONTAP's {@link EmsCursor} in the {@code next} link, which repeats every other parameter.
 *
 * <p>An exact {@code message.name} (no {@code *}, no comparison) that the cluster's {@link EmsCatalogue} lacks fails
 * with 400, as ONTAP fails "when queried for an EMS message that does not exist"; a wildcard never does. As ONTAP,
 * it leaves {@code debug} events out unless a {@code message.severity} filter is given.
 */
final class EmsEventCollectionEndpoint {

    /**
     * Parameters accepted besides {@code start.*} and field filters; {@code return_timeout} is accepted and ignored
     * (pages end by count). ONTAP rejects any other, and so does this.
     */
    private static final Set<String> ACCEPTED = Set.of("fields", "max_records", "return_records", "return_timeout",
            "order_by", "ignore_unknown_fields");
    private static final String MESSAGE_NAME = "message.name";
    private static final String SEVERITY = "message.severity";
    private static final String DEBUG = "debug";

    private final SimulatedCluster cluster;
    private final PageNumbers pageNumbers;

    EmsEventCollectionEndpoint(SimulatedCluster cluster, PageNumbers pageNumbers) {
        this.cluster = cluster;
        this.pageNumbers = pageNumbers;
    }

    /** @param page the request's page number within its walk, {@link PageNumbers#UNKNOWN} if untold */
    Reply get(ApiRequest request, int page) {
        QueryParameters query = request.query();
        QueryChecks.acceptOnly(query, name -> ACCEPTED.contains(name) || QueryParameters.isCursorParameter(name)
                || EmsFieldPaths.PATHS.isKnown(name));
        Set<EmsField> fields = FieldSelection.parse(EmsField.class, EmsField.KEYS, query.first("fields"),
                EmsField.BY_DEFAULT, QueryChecks.flag(query, "ignore_unknown_fields", false));
        query.parameters().stream().filter(parameter -> parameter.name().equals(MESSAGE_NAME))
                .forEach(parameter -> requireCatalogued(parameter.value()));
        Comparator<EmsCursor> order = EmsOrder.parse(query.first("order_by")).comparator();
        Predicate<EmsEvent> filter = filter(query);
        if (!QueryChecks.flag(query, "return_records", true)) {
            int count = (int) cluster.emsEvents().stream().filter(filter).count();
            return CollectionReplies.count(request, OntapPaths.EMS_EVENTS, count);
        }
        Optional<EmsCursor> cursor = EmsCursor.read(query);
        int limit = CollectionReplies.limit(query, cluster);
        List<EmsEvent> found = cluster.emsEvents().stream()
                .filter(event -> cursor.isEmpty() || order.compare(EmsCursor.of(event), cursor.get()) > 0)
                .filter(filter)
                .sorted(Comparator.comparing(EmsCursor::of, order))
                .limit(limit + 1L)
                .toList();
        ZoneId zone = cluster.clock().getZone();
        EmsRecordWriter writer = new EmsRecordWriter(fields, request.hal(), zone);
        return CollectionReplies.page(request, OntapPaths.EMS_EVENTS, found, limit,
                last -> EmsCursor.of(last).after(query, zone), pageNumbers, page, writer::write);
    }

    /** The request's filters, and ONTAP's default of leaving debug events out unless a severity is asked for. */
    private static Predicate<EmsEvent> filter(QueryParameters query) {
        QueryFilter<EmsEvent> filter = QueryFilter.of(query, EmsFieldPaths.PATHS);
        return query.first(SEVERITY).isPresent() ? filter
                : filter.and(event -> !DEBUG.equalsIgnoreCase(event.severity()));
    }

    /** Every exact name among the filter's alternatives must be in the catalogue; patterns and comparisons pass. */
    private void requireCatalogued(String filter) {
        for (String alternative : filter.split("\\|", -1)) {
            String name = alternative.startsWith("!") ? alternative.substring(1) : alternative;
            boolean exact = !name.isEmpty() && !name.contains("*") && !name.contains("..")
                    && !name.startsWith("<") && !name.startsWith(">");
            if (exact && !cluster.hasEmsMessage(name)) {
                throw new RejectedRequest(OntapErrors.unknownEmsMessage(name));
            }
        }
    }
}
