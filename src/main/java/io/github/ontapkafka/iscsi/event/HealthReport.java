package io.github.ontapkafka.iscsi.event;

import java.time.Duration;
import java.time.Instant;

/**
 * A cluster's health as one health record reports it; see {@link HealthSchemas#VALUE} for what each field means.
 *
 * @param clusterName      null until the cluster has answered
 * @param clusterUuid      null until the cluster has answered
 * @param failureKind      null while OK
 * @param failureMessage   null while OK
 * @param lastSuccessAt    null if no poll has succeeded
 * @param sessionsTracked  null before the first successful poll
 * @param lastPollDuration null before the first poll
 * @param emsEventsLost    the last loss of EMS events found, null if none
 */
public record HealthReport(String clusterUrl, String clusterName, String clusterUuid, Status status, Trigger trigger,
                           Instant statusSince, Instant lastSuccessAt, int consecutiveFailures, String failureKind,
                           String failureMessage, Integer sessionsTracked, Duration lastPollDuration,
                           EmsEventsLost emsEventsLost) {

    /** Events a node's log discarded before the connector read them, and when the connector found out. */
    public record EmsEventsLost(String what, Instant foundAt) {
    }

    /** Whether the connector is watching the cluster. */
    public enum Status { OK, FAILING }

    /** Why the record is written. */
    public enum Trigger { CHANGE, HEARTBEAT }
}
