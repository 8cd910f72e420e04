package io.github.ontapkafka.iscsi.ontap;

import java.time.Duration;

/** The one exponential backoff of the connector: for a request's retries and for a failing cluster's polls. */
public final class Backoff {

    private Backoff() {
    }

    /** {@code base} doubled {@code doublings} times, but at most {@code max}; no number of doublings overflows. */
    public static Duration exponential(Duration base, int doublings, Duration max) {
        long baseMillis = base.toMillis();
        long maxMillis = max.toMillis();
        int shift = Math.min(Math.max(doublings, 0), Long.SIZE - 2);
        long millis = baseMillis > maxMillis >> shift ? maxMillis : baseMillis << shift;
        return Duration.ofMillis(Math.min(millis, maxMillis));
    }
}
