package io.github.ontapkafka.iscsi.simulator;

/**
 * Which requests a fault hits: every request to the cluster, or only page {@code sessionPage} (1-based) of a walk
 * through the session collection. Page 1 is a request without a {@code start.*} cursor; page K+1 is a request for
 * the {@code next} link that page K returned, however often it is retried.
 */
public record FaultScope(int sessionPage) {

    private static final int EVERY_REQUEST = 0;

    public FaultScope {
        if (sessionPage < EVERY_REQUEST) {
            throw new IllegalArgumentException("Page numbers start at 1: " + sessionPage);
        }
    }

    public static FaultScope everyRequest() {
        return new FaultScope(EVERY_REQUEST);
    }

    public static FaultScope sessionPage(int page) {
        if (page < 1) {
            throw new IllegalArgumentException("Page numbers start at 1: " + page);
        }
        return new FaultScope(page);
    }

    /** @param requestPage the request's page number in its walk, or 0 if it is no session collection page */
    boolean matches(int requestPage) {
        return sessionPage == EVERY_REQUEST || sessionPage == requestPage;
    }

    @Override
    public String toString() {
        return sessionPage == EVERY_REQUEST ? "every request" : "session page " + sessionPage;
    }
}
