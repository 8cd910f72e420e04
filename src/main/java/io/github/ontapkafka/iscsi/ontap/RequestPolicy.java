package io.github.ontapkafka.iscsi.ontap;

import java.time.Duration;

/** How requests to ONTAP are paged and retried. */
public record RequestPolicy(int pageSize, int retries, Duration retryBackoff) {

    private static final Duration MAX_SINGLE_WAIT = Duration.ofSeconds(60);

    /** The wait before retry number {@code retry} (0-based): doubling, or what the server asked for, capped. */
    Duration backoff(int retry, Duration serverHint) {
        if (serverHint != null) {
            return serverHint.compareTo(MAX_SINGLE_WAIT) > 0 ? MAX_SINGLE_WAIT : serverHint;
        }
        return Backoff.exponential(retryBackoff, retry, MAX_SINGLE_WAIT);
    }
}
