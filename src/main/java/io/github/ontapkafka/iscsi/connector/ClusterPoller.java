package io.github.ontapkafka.iscsi.connector;

import io.github.ontapkafka.iscsi.model.ClusterIdentity;
import io.github.ontapkafka.iscsi.ontap.Backoff;
import io.github.ontapkafka.iscsi.ontap.ClusterUrl;
import io.github.ontapkafka.iscsi.ontap.OntapClient;
import io.github.ontapkafka.iscsi.ontap.OntapException;
import io.github.ontapkafka.iscsi.ontap.SessionListing;
import io.github.ontapkafka.iscsi.tracking.EmsCursor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One cluster's schedule and health within a task. The fetch runs on a pool thread; everything else happens on the
 * task thread, so a slow or failing cluster never holds up the others. Failures are logged when the way a cluster
 * fails changes, not at every retry.
 */
final class ClusterPoller {

    private static final Logger log = LoggerFactory.getLogger(ClusterPoller.class);
    /** What tells two odd values of the same kind apart: the record, element and page numbers. */
    private static final Pattern POSITION = Pattern.compile("\\[\\d+\\]|(?<=page )\\d+");
    private static final int MAX_ODDITY_KINDS = 100;

    private final OntapClient client;
    private final Duration interval;
    private final Duration backoff;
    private final Duration backoffMax;
    private Instant nextPollAt;
    private boolean inFlight;
    private ClusterIdentity identity;
    private final ClusterHealth health;
    /** Where to read the cluster's EMS from, and for which cluster: set by the task thread, read by the fetch. */
    private volatile EmsPosition emsPosition;
    /** The kinds of odd value already logged for this cluster: each is logged once, not at every record. */
    private final Set<String> oddityKindsLogged = new HashSet<>();

    ClusterPoller(OntapClient client, Duration interval, Duration backoff, Duration backoffMax, Instant firstPollAt) {
        this.client = client;
        this.interval = interval;
        this.backoff = backoff;
        this.backoffMax = backoffMax;
        this.nextPollAt = firstPollAt;
        this.health = new ClusterHealth(client.cluster().toString());
    }

    ClusterHealth health() {
        return health;
    }

    ClusterUrl cluster() {
        return client.cluster();
    }

    /** The cluster this address led to at its last successful poll; null before the first. */
    ClusterIdentity identity() {
        return identity;
    }

    boolean isDue(Instant now) {
        return !inFlight && !now.isBefore(nextPollAt);
    }

    /** When this cluster next wants the task's attention; far away while a fetch is running. */
    Instant nextPollAt() {
        return inFlight ? Instant.MAX : nextPollAt;
    }

    /** Called on the task thread; returns the work for a pool thread. */
    Runnable startFetch(Clock clock, Consumer<PollOutcome> deliver) {
        inFlight = true;
        // Re-read the identity after a failure: an address that came back may now lead to another cluster.
        ClusterIdentity known = health.consecutiveFailures() == 0 ? identity : null;
        return () -> deliver.accept(fetch(clock, known));
    }

    private PollOutcome fetch(Clock clock, ClusterIdentity known) {
        Instant startedAt = clock.instant();
        try {
            ClusterIdentity current = known != null ? known : client.fetchIdentity();
            SessionListing sessions = client.fetchSessions();
            EmsPosition position = emsPosition;
            EmsReader.EmsRead ems = position != null && position.clusterUuid().equals(current.uuid())
                    ? EmsReader.read(client, position.cursor()) : null;
            return PollOutcome.success(this, startedAt, clock.instant(), current, sessions, ems);
        } catch (OntapException e) {
            return PollOutcome.failure(this, startedAt, PollFailure.of(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PollOutcome.failure(this, startedAt, PollFailure.interrupted(cluster(), e));
        } catch (RuntimeException e) {
            return PollOutcome.failure(this, startedAt, PollFailure.internal(cluster(), e));
        }
    }

    /** The EMS cursor of the cluster, once known, and after each read: the next fetch reads after it. */
    void emsPosition(String clusterUuid, EmsCursor cursor) {
        emsPosition = new EmsPosition(clusterUuid, cursor);
    }

    /** The EMS cursor of {@code clusterUuid}, or null while the task has not read it from the offsets. */
    EmsCursor emsCursor(String clusterUuid) {
        EmsPosition position = emsPosition;
        return position != null && position.clusterUuid().equals(clusterUuid) ? position.cursor() : null;
    }

    /** Forgets the EMS cursor, so that the next poll reads it again from the committed offset. */
    void forgetEmsCursor() {
        emsPosition = null;
    }

    /** A cursor and the cluster it belongs to: an address may come to lead to another cluster. */
    private record EmsPosition(String clusterUuid, EmsCursor cursor) {
    }

    /**
     * The fetch succeeded and its sessions were taken in.
     *
     * @return whether the cluster's health changed
     */
    boolean succeeded(PollOutcome outcome, int sessionsTracked, Instant now) {
        inFlight = false;
        if (identity != null && !identity.uuid().equals(outcome.identity().uuid())) {
            log.warn("ONTAP cluster {} now answers as cluster {} ({}) instead of {} ({}); following the new cluster",
                    cluster(), outcome.identity().name(), outcome.identity().uuid(), identity.name(), identity.uuid());
        }
        identity = outcome.identity();
        if (health.failure() != null) {
            log.info("ONTAP cluster {} ({}) is polled successfully again after {} failed poll(s)", cluster(),
                    identity.name(), health.consecutiveFailures());
        }
        Instant due = outcome.startedAt().plus(interval);
        nextPollAt = due.isBefore(now) ? now : due;
        return health.succeeded(sessionsTracked, Duration.between(outcome.startedAt(), now), now);
    }

    /** Logs each new kind of value passed over as unknown in the cluster's records, once. */
    void passedOver(List<String> oddities) {
        for (String odd : oddities) {
            String kind = POSITION.matcher(odd).replaceAll("#");
            if (oddityKindsLogged.size() < MAX_ODDITY_KINDS && oddityKindsLogged.add(kind)) {
                log.warn("ONTAP cluster {}: {}. The rest of the record is used; values like this one are not logged "
                        + "again for this cluster.", cluster(), odd);
            }
        }
    }

    /**
     * The fetch, or taking in its result, failed: nothing was emitted; retry later, further apart each time.
     *
     * @param startedAt when the failed poll started
     * @return whether the cluster's health changed
     */
    boolean failed(PollFailure failure, Instant startedAt, Instant now) {
        inFlight = false;
        PollFailure previous = health.failure();
        boolean changed = health.failed(failure, Duration.between(startedAt, now), now);
        Duration wait = Backoff.exponential(backoff, health.consecutiveFailures() - 1, backoffMax);
        nextPollAt = now.plus(wait);
        logFailure(failure, previous, wait);
        return changed;
    }

    /** Logs a failure when the way the cluster fails changes, a repeat at DEBUG only. */
    private void logFailure(PollFailure failure, PollFailure previous, Duration wait) {
        if (previous != null && failure.mode().equals(previous.mode())) {
            log.debug("{} (failure {} in a row; next attempt in {} ms)", failure.getMessage(),
                    health.consecutiveFailures(), wait.toMillis(), failure);
            return;
        }
        if (failure.kind() == PollFailure.Kind.INTERNAL_ERROR) {
            log.error("{}. Nothing is emitted for this cluster until a poll succeeds; retrying in {} ms. Other "
                    + "clusters are not affected.", failure.getMessage(), wait.toMillis(), failure.getCause());
            return;
        }
        log.warn("{}. Nothing is emitted for this cluster until a poll succeeds; retrying in {} ms, backing off up "
                + "to {} ms. Other clusters are not affected; repeats of this failure are logged at DEBUG.",
                failure.getMessage(), wait.toMillis(), backoffMax.toMillis());
        log.debug("Cause of the failure of ONTAP cluster {}", cluster(), failure);
    }
}
