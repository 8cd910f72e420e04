package io.github.ontapkafka.iscsi.connector;

import io.github.ontapkafka.iscsi.config.ClusterSettings;
import io.github.ontapkafka.iscsi.config.OntapSourceConfig;
import io.github.ontapkafka.iscsi.event.EmsRecords;
import io.github.ontapkafka.iscsi.event.EventRecords;
import io.github.ontapkafka.iscsi.event.HealthRecords;
import io.github.ontapkafka.iscsi.event.TableRecords;
import io.github.ontapkafka.iscsi.event.HealthReport.Trigger;
import io.github.ontapkafka.iscsi.event.Version;
import io.github.ontapkafka.iscsi.model.ClusterIdentity;
import io.github.ontapkafka.iscsi.ontap.ClusterUrl;
import io.github.ontapkafka.iscsi.ontap.OntapClient;
import io.github.ontapkafka.iscsi.ontap.OntapException;
import io.github.ontapkafka.iscsi.ontap.OntapClients;
import io.github.ontapkafka.iscsi.tracking.ChangeBatch;
import io.github.ontapkafka.iscsi.tracking.ClusterState;
import io.github.ontapkafka.iscsi.tracking.EmsCursor;
import io.github.ontapkafka.iscsi.tracking.OffsetFormat;
import io.github.ontapkafka.iscsi.tracking.SnapshotMode;
import io.github.ontapkafka.iscsi.tracking.UnusableOffsetException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Polls the clusters assigned to this task and turns what changed into records. Fetches run concurrently, one pool
 * thread per cluster; diffing, state and record building stay on the task thread, so a cluster's state is only ever
 * touched by one thread and only after a fetch came back complete.
 */
public class OntapIscsiSourceTask extends SourceTask {

    private static final Logger log = LoggerFactory.getLogger(OntapIscsiSourceTask.class);
    /** Longest a poll() call blocks, so that the worker can stop the task promptly. */
    private static final long MAX_BLOCK_MS = 500;
    private static final AtomicInteger TASK_SEQUENCE = new AtomicInteger();
    private static final Duration MAX_FIRST_POLL_SPACING = Duration.ofSeconds(1);

    private final Clock clock;
    private final BlockingQueue<PollOutcome> outcomes = new LinkedBlockingQueue<>();
    private final Map<String, ClusterState> states = new HashMap<>();
    private final Map<String, ClusterUrl> clusterOfUuid = new HashMap<>();
    private List<ClusterPoller> pollers = List.of();
    private final Map<ClusterPoller, PollMetrics> metrics = new HashMap<>();
    private SnapshotMode snapshotMode;
    private EventRecords eventRecords;
    /** Null when there is no current-sessions table. */
    private TableRecords tableRecords;
    /** Null when the event log is not read. */
    private EmsRecords emsRecords;
    /** Null when health records are switched off. */
    private HealthRecords healthRecords;
    /** Zero when heartbeats are switched off. */
    private Duration heartbeatInterval;
    private OntapClients clients;
    private ExecutorService fetchers;

    public OntapIscsiSourceTask() {
        this(Clock.systemUTC());
    }

    OntapIscsiSourceTask(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        OntapSourceConfig config = new OntapSourceConfig(props);
        snapshotMode = config.snapshotMode();
        eventRecords = new EventRecords(config.topic());
        tableRecords = config.tableTopic() == null ? null : new TableRecords(config.tableTopic());
        emsRecords = config.emsTopic() == null ? null : new EmsRecords(config.emsTopic());
        String healthTopic = config.healthTopic();
        healthRecords = healthTopic == null ? null : new HealthRecords(healthTopic, props.getOrDefault("name", ""),
                Integer.parseInt(props.getOrDefault(OntapSourceConfig.TASK_ID, "0")), Version.get());
        heartbeatInterval = config.heartbeatInterval();
        clients = config.ontapClients(Duration.ZERO, config.requestPolicy(), clock);
        Instant now = clock.instant();
        List<ClusterSettings> clusters = config.clusters();
        Duration spacing = firstPollSpacing(config.pollInterval(), clusters.size());
        TaskMetrics taskMetrics = TaskMetrics.of(context);
        List<ClusterPoller> created = new ArrayList<>();
        for (int i = 0; i < clusters.size(); i++) {
            ClusterSettings cluster = clusters.get(i);
            OntapClient client = clients.createOrUnusable(cluster.url(), cluster.access(), cluster.scope());
            ClusterPoller poller = new ClusterPoller(client, config.pollInterval(), config.retryBackoff(),
                    config.retryBackoffMax(), now.plus(spacing.multipliedBy(i)));
            created.add(poller);
            metrics.put(poller, taskMetrics.forCluster(poller, client, clock));
        }
        pollers = List.copyOf(created);
        fetchers = Executors.newFixedThreadPool(pollers.size(),
                DaemonThreads.named("ontap-iscsi-fetch-" + TASK_SEQUENCE.incrementAndGet()));
        log.info("Polling {} ONTAP cluster(s) every {} ms: {}", pollers.size(), config.pollInterval().toMillis(),
                config.clusters());
    }

    /**
     * Spreads the clusters' first polls, and with them every later one, over the poll interval, so that a task with
     * many clusters does not fetch them all in the same second: smoother load on the worker and on the shared ONTAP
     * management network, and shorter waits for the changes queued behind such a burst. At most a second apart, so
     * that a few clusters still all start at once, near enough.
     */
    static Duration firstPollSpacing(Duration interval, int clusters) {
        Duration even = interval.dividedBy(Math.max(1, clusters));
        return even.compareTo(MAX_FIRST_POLL_SPACING) > 0 ? MAX_FIRST_POLL_SPACING : even;
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        Instant now = clock.instant();
        Instant wakeUp = now.plusMillis(MAX_BLOCK_MS);
        for (ClusterPoller poller : pollers) {
            if (poller.isDue(now)) {
                fetchers.execute(poller.startFetch(clock, outcomes::add));
            }
            wakeUp = earliest(wakeUp, poller.nextPollAt());
            wakeUp = earliest(wakeUp, nextHeartbeatAt(poller));
        }
        long waitMillis = Math.max(0, Duration.between(now, wakeUp).toMillis());
        List<PollOutcome> ready = new ArrayList<>();
        PollOutcome first = outcomes.poll(waitMillis, TimeUnit.MILLISECONDS);
        if (first != null) {
            ready.add(first);
            outcomes.drainTo(ready);
        }
        List<SourceRecord> records = new ArrayList<>();
        for (PollOutcome outcome : ready) {
            records.addAll(takeIn(outcome));
        }
        addHeartbeats(clock.instant(), records);
        return records.isEmpty() ? null : records;
    }

    private static Instant earliest(Instant a, Instant b) {
        return b != null && b.isBefore(a) ? b : a;
    }

    private List<SourceRecord> takeIn(PollOutcome outcome) {
        ClusterPoller poller = outcome.poller();
        Instant now = clock.instant();
        if (outcome.failure() != null) {
            return failed(poller, outcome.failure(), outcome.startedAt(), now);
        }
        ClusterIdentity identity = outcome.identity();
        try {
            // Read before anything changes: a stored cursor that cannot be used fails the poll with nothing taken in.
            EmsCursor emsCursor = emsRecords == null ? null : emsCursorOf(poller, identity);
            ClusterState state = stateOf(poller, identity);
            ChangeBatch batch = state.poll(outcome.sessions(), outcome.observedAt(), snapshotMode, outcome.sessions().scope());
            poller.passedOver(outcome.sessions().oddities());
            Map<String, Object> partition = OffsetFormat.partition(identity.uuid());
            List<SourceRecord> records = new ArrayList<>(eventRecords.of(identity, partition, batch));
            if (tableRecords != null) {
                records = tableRecords.with(identity, partition, batch, records);
            }
            if (emsCursor != null) {
                records.addAll(emsRecords(poller, identity, emsCursor, outcome));
            }
            if (poller.succeeded(outcome, state.sessionCount(), now)) {
                addHealth(poller, Trigger.CHANGE, now, records);
            }
            metrics.get(poller).pollSucceeded(Duration.between(outcome.startedAt(), now), batch.changes());
            return records;
        } catch (OntapException e) {
            return failed(poller, PollFailure.of(e), outcome.startedAt(), now);
        } catch (PollFailure e) {
            return failed(poller, e, outcome.startedAt(), now);
        } catch (RuntimeException e) {
            // The state may be half-updated: forget it, so that the next poll resumes from the committed offset.
            states.remove(identity.uuid());
            poller.forgetEmsCursor();
            clusterOfUuid.remove(identity.uuid(), poller.cluster());
            return failed(poller, PollFailure.internal(poller.cluster(), e), outcome.startedAt(), now);
        }
    }

    /**
     * The records of the EMS events the fetch read after {@code cursor}, which then moves past them. On a cluster's
     * first poll there are none: the fetch did not know the cluster yet; the next one reads after the stored cursor.
     */
    private List<SourceRecord> emsRecords(ClusterPoller poller, ClusterIdentity identity, EmsCursor cursor,
                                          PollOutcome outcome) {
        if (outcome.ems() == null) {
            poller.emsPosition(identity.uuid(), cursor);
            return List.of();
        }
        for (String agedOut : outcome.ems().agedOut()) {
            log.warn("ONTAP cluster {} ({}): EMS {}; continuing from the oldest event held. Poll more often, or keep "
                    + "the connector running, so that the event log does not outrun it.", poller.cluster(),
                    identity.name(), agedOut);
        }
        if (!outcome.ems().agedOut().isEmpty()) {
            poller.health().emsEventsLost(String.join("; ", outcome.ems().agedOut()), outcome.observedAt());
        }
        poller.passedOver(outcome.ems().oddities());
        List<SourceRecord> records = emsRecords.of(identity, cursor, outcome.ems().events(), outcome.observedAt());
        poller.emsPosition(identity.uuid(), cursor.afterAll(outcome.ems().events()));
        return records;
    }

    /** The cluster's EMS cursor: the poller's, or at first contact the stored one. */
    private EmsCursor emsCursorOf(ClusterPoller poller, ClusterIdentity identity) throws PollFailure {
        EmsCursor known = poller.emsCursor(identity.uuid());
        return known != null ? known : storedEmsCursor(poller, identity);
    }

    private EmsCursor storedEmsCursor(ClusterPoller poller, ClusterIdentity identity) throws PollFailure {
        Map<String, Object> offset = context.offsetStorageReader().offset(EmsCursor.partition(identity.uuid()));
        try {
            return offset == null ? EmsCursor.START : EmsCursor.parse(offset);
        } catch (UnusableOffsetException e) {
            throw PollFailure.storedState(poller.cluster(), identity.uuid() + " (EMS cursor)", e);
        }
    }

    /** A failed poll emits no session record; a change of the cluster's health, a health record. */
    private List<SourceRecord> failed(ClusterPoller poller, PollFailure failure, Instant startedAt, Instant now) {
        List<SourceRecord> records = new ArrayList<>(1);
        if (poller.failed(failure, startedAt, now)) {
            addHealth(poller, Trigger.CHANGE, now, records);
        }
        metrics.get(poller).pollFailed(Duration.between(startedAt, now));
        return records;
    }

    private Instant nextHeartbeatAt(ClusterPoller poller) {
        return healthRecords == null || heartbeatInterval.isZero() ? null
                : poller.health().nextHeartbeatAt(heartbeatInterval);
    }

    private void addHeartbeats(Instant now, List<SourceRecord> records) {
        for (ClusterPoller poller : pollers) {
            Instant due = nextHeartbeatAt(poller);
            if (due != null && !now.isBefore(due)) {
                addHealth(poller, Trigger.HEARTBEAT, now, records);
            }
        }
    }

    /**
     * A health record of the cluster, carrying the offset of its last record: the same source partition and offset
     * unchanged, so that it commits with its transaction and never moves the cluster's state.
     */
    private void addHealth(ClusterPoller poller, Trigger trigger, Instant now, List<SourceRecord> records) {
        if (healthRecords == null) {
            return;
        }
        ClusterIdentity identity = poller.identity();
        ClusterState state = identity == null ? null : states.get(identity.uuid());
        records.add(healthRecords.of(poller.health().report(trigger, identity, now),
                identity == null ? null : OffsetFormat.partition(identity.uuid()),
                state == null ? null : state.lastOffset(), now));
    }

    /** The cluster's state, read from its committed offset when the task first meets the cluster. */
    private ClusterState stateOf(ClusterPoller poller, ClusterIdentity identity) throws PollFailure {
        ClusterUrl url = poller.cluster();
        ClusterIdentity previous = poller.identity();
        if (previous != null && !previous.uuid().equals(identity.uuid())) {
            // The address now leads to another cluster: whichever address leads to the old one may take it over.
            clusterOfUuid.remove(previous.uuid(), url);
        }
        ClusterUrl owner = clusterOfUuid.putIfAbsent(identity.uuid(), url);
        if (owner != null && !owner.equals(url)) {
            throw PollFailure.duplicate(url, identity.uuid(), owner, OntapSourceConfig.CLUSTERS);
        }
        ClusterState state = states.get(identity.uuid());
        if (state != null) {
            return state;
        }
        Map<String, Object> offset = context.offsetStorageReader().offset(OffsetFormat.partition(identity.uuid()));
        try {
            state = offset == null ? ClusterState.fresh() : ClusterState.restore(OffsetFormat.parse(offset));
        } catch (UnusableOffsetException e) {
            clusterOfUuid.remove(identity.uuid());
            throw PollFailure.storedState(url, identity.uuid(), e);
        }
        log.info("ONTAP cluster {} is {} ({}); {}", url, identity.name(), identity.uuid(), offset == null
                ? "no stored state: first poll follows " + OntapSourceConfig.SNAPSHOT_MODE + "=" + snapshotMode.configValue()
                : "resuming from its stored state with " + state.sessionCount() + " session(s)");
        states.put(identity.uuid(), state);
        return state;
    }

    @Override
    public void stop() {
        if (fetchers != null) {
            fetchers.shutdownNow();
        }
        if (clients != null) {
            clients.close();
        }
    }
}
