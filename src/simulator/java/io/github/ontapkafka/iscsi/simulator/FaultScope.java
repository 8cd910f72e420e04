package io.github.ontapkafka.iscsi.simulator;

/**
 * Which requests a fault hits: every request to the cluster, or only page {@code page} (1-based) of a walk through
 * one paged collection, named by its path ({@link #sessionPage sessions}, {@link #emsPage EMS events}). Page 1 is a
 * request without a {@code start.*} cursor; page K+1 is a request for the {@code next} link that page K returned,
 * however often it is retried.
 *
 * @param collectionPath the collection's path relative to the cluster, null for every request
 * @param page           the page of that collection's walks, 0 for every request
 */
public record FaultScope(String collectionPath, int page) {

    private static final int EVERY_REQUEST = 0;

    public FaultScope {
        if ((collectionPath == null) != (page == EVERY_REQUEST) || page < EVERY_REQUEST) {
            throw new IllegalArgumentException("A page scope names a collection and a page from 1: "
                    + collectionPath + " page " + page);
        }
    }

    public static FaultScope everyRequest() {
        return new FaultScope(null, EVERY_REQUEST);
    }

    /** Page {@code page} of walks through {@code /api/protocols/san/iscsi/sessions}. */
    public static FaultScope sessionPage(int page) {
        return new FaultScope(OntapPaths.SESSIONS, page);
    }

    /** Page {@code page} of walks through {@code /api/support/ems/events}. */
    public static FaultScope emsPage(int page) {
        return new FaultScope(OntapPaths.EMS_EVENTS, page);
    }

    /**
     * @param requestPath the request's path relative to the cluster
     * @param requestPage the request's page number in its walk, or 0 if it is no collection page
     */
    boolean matches(String requestPath, int requestPage) {
        return collectionPath == null || (collectionPath.equals(requestPath) && page == requestPage);
    }

    @Override
    public String toString() {
        return collectionPath == null ? "every request" : "page " + page + " of " + collectionPath;
    }
}
