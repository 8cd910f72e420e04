package io.github.ontapkafka.iscsi.connector;

import io.github.ontapkafka.iscsi.event.HealthReport;
import io.github.ontapkafka.iscsi.event.HealthReport.Status;
import io.github.ontapkafka.iscsi.event.HealthReport.Trigger;
import io.github.ontapkafka.iscsi.model.ClusterIdentity;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a task is watching one configured cluster, as its poll attempts tell: what the health records and the
 * metrics report. Knows when its health changed, and when it was last reported, for heartbeats. Task thread only.
 */
final class ClusterHealth {

    private final String clusterUrl;
    private Status status;
    private Instant statusSince;
    /** Read by metrics reporters' threads too. */
    private volatile Instant lastSuccessAt;
    private volatile int consecutiveFailures;
    private PollFailure failure;
    private volatile Integer sessionsTracked;
    private Duration lastPollDuration;
    private Instant lastReportedAt;
    private HealthReport.EmsEventsLost emsEventsLost;
    /** Whether a loss of EMS events was found since the last report: a change to report. */
    private boolean emsLossUnreported;

    ClusterHealth(String clusterUrl) {
        this.clusterUrl = clusterUrl;
    }

    /** Records that a node's event log discarded events before they were read (reported with the next record). */
    void emsEventsLost(String what, Instant now) {
        emsEventsLost = new HealthReport.EmsEventsLost(what, now);
        emsLossUnreported = true;
    }

    /**
     * Records a successful poll; true if it changed the health (first contact, or back to OK) or found EMS events
     * lost.
     */
    boolean succeeded(int sessionsTracked, Duration duration, Instant now) {
        boolean backToOk = status != Status.OK;
        if (backToOk) {
            status = Status.OK;
            statusSince = now;
        }
        this.sessionsTracked = sessionsTracked;
        lastSuccessAt = now;
        consecutiveFailures = 0;
        failure = null;
        lastPollDuration = duration;
        return backToOk || emsLossUnreported;
    }

    /** Records a failed poll; true if it changed the health (first contact, OK to FAILING, another kind). */
    boolean failed(PollFailure failure, Duration duration, Instant now) {
        boolean changed = status != Status.FAILING || this.failure.kind() != failure.kind();
        if (status != Status.FAILING) {
            status = Status.FAILING;
            statusSince = now;
        }
        this.failure = failure;
        consecutiveFailures++;
        lastPollDuration = duration;
        return changed;
    }

    int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** Null before the first successful poll. */
    Instant lastSuccessAt() {
        return lastSuccessAt;
    }

    /** Null before the first successful poll. */
    Integer sessionsTracked() {
        return sessionsTracked;
    }

    /** Why the last poll failed; null while the cluster is OK or has not been polled. */
    PollFailure failure() {
        return failure;
    }

    /** When the next heartbeat is due, given the interval; null while there is nothing to report. */
    Instant nextHeartbeatAt(Duration interval) {
        return lastReportedAt == null ? null : lastReportedAt.plus(interval);
    }

    /** @param identity the cluster the address led to at its last successful poll; null before the first */
    HealthReport report(Trigger trigger, ClusterIdentity identity, Instant now) {
        lastReportedAt = now;
        emsLossUnreported = false;
        return new HealthReport(clusterUrl, identity == null ? null : identity.name(),
                identity == null ? null : identity.uuid(), status, trigger, statusSince, lastSuccessAt,
                consecutiveFailures, failure == null ? null : failure.kind().name(),
                failure == null ? null : failure.getMessage(), sessionsTracked, lastPollDuration, emsEventsLost);
    }
}
