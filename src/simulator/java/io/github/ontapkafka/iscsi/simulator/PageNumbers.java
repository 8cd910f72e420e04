package io.github.ontapkafka.iscsi.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells which page of a walk through one paged collection a request is, so that faults can target page K. A
 * {@code next} link is remembered with the number of the page it leads to, so retries of a page keep its number
 * and concurrent walks with the same query agree on it.
 */
final class PageNumbers {

    /** A request continuing from a cursor this cluster never handed out. */
    static final int UNKNOWN = 0;
    private static final int REMEMBERED_LINKS = 10_000;

    private final Map<String, Integer> pageByNextQuery = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > REMEMBERED_LINKS;
        }
    };

    synchronized int pageOf(QueryParameters query) {
        boolean continues = query.parameters().stream().anyMatch(p -> QueryParameters.isCursorParameter(p.name()));
        return continues ? pageByNextQuery.getOrDefault(query.canonical(), UNKNOWN) : 1;
    }

    /** Remembers that {@code nextQuery} was handed out on page {@code page}. */
    synchronized void recordNext(QueryParameters nextQuery, int page) {
        if (page != UNKNOWN) {
            pageByNextQuery.put(nextQuery.canonical(), page + 1);
        }
    }
}
