package io.github.ontapkafka.iscsi.demo;

import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.simulator.Fault;
import io.github.ontapkafka.iscsi.simulator.FaultScope;
import io.github.ontapkafka.iscsi.simulator.RunningSimulator;
import io.github.ontapkafka.iscsi.simulator.ScheduledFault;
import io.github.ontapkafka.iscsi.simulator.SimulatedCluster;
import io.github.ontapkafka.iscsi.simulator.SimulatedNode;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Changes the simulated clusters at a pace a person can follow: one change every one to three seconds, on a cluster
 * picked at random, drawn from the simulator's own realistic mix (logins, logouts, connections added and dropped,
 * now and then a TSIH reused by another initiator, rarely a login refused for its address in the event log). Now and
 * then one cluster is in trouble for a few seconds, rejecting the password or down, so that a newcomer sees the
 * health stream report it and the recovery. One refused login comes early, so that a newcomer sees an EMS record
 * too.
 */
final class PacedChurn implements AutoCloseable {

    /** How often things happen; {@link #HUMAN} is the demo's. */
    record Pace(Duration minPause, Duration maxPause, Duration firstTrouble, Duration troubleEvery,
                Duration troubleLasts, Duration earlyRefusedLogin) {
    }

    /**
     * A trouble lasts longer than the connector's retries of one request (about 8 s by default), so that it fails a
     * poll rather than only slowing one down. The churn refuses a login with about one change in twenty: at this
     * pace, one newcomer in five would see none in the first minute without the early one.
     */
    static final Pace HUMAN = new Pace(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(20),
            Duration.ofSeconds(45), Duration.ofSeconds(15), Duration.ofSeconds(10));
    /**
     * Refused logins come from TEST-NET-3 addresses the simulator gives neither to LIFs (the first dozen) nor to
     * hosts (from 100), as the churn's own refused logins do.
     */
    private static final String UNALLOWED_NETWORK = "203.0.113.";
    private static final int FIRST_UNALLOWED_HOST = 50;
    private static final int UNALLOWED_HOSTS = 50;

    private final RunningSimulator simulator;
    private final Pace pace;
    private final Random random = new Random();
    private boolean outageNext;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "demo-churn");
        thread.setDaemon(true);
        return thread;
    });

    private PacedChurn(RunningSimulator simulator, Pace pace) {
        this.simulator = simulator;
        this.pace = pace;
    }

    static PacedChurn start(RunningSimulator simulator, Pace pace) {
        PacedChurn churn = new PacedChurn(simulator, pace);
        churn.scheduleNextChange();
        churn.scheduler.schedule(churn::troubleOneCluster, pace.firstTrouble().toMillis(), TimeUnit.MILLISECONDS);
        churn.scheduler.schedule(churn::refuseOneLogin, pace.earlyRefusedLogin().toMillis(), TimeUnit.MILLISECONDS);
        return churn;
    }

    private void scheduleNextChange() {
        long min = pace.minPause().toMillis();
        long pause = min + random.nextLong(pace.maxPause().toMillis() - min + 1);
        scheduler.schedule(this::changeOneCluster, pause, TimeUnit.MILLISECONDS);
    }

    private void changeOneCluster() {
        SimulatedCluster cluster = anyCluster();
        simulator.server().workload(cluster).apply(cluster, 1);
        scheduleNextChange();
    }

    /**
     * A rejected password or an outage on one cluster, the two in turn, cleared after a while; then the next one is
     * planned.
     */
    private void troubleOneCluster() {
        SimulatedCluster cluster = anyCluster();
        ScheduledFault trouble = outageNext ? cluster.faults().goDown()
                : cluster.faults().injectUntilCleared(Fault.status(401), FaultScope.everyRequest());
        outageNext = !outageNext;
        scheduler.schedule(trouble::cancel, pace.troubleLasts().toMillis(), TimeUnit.MILLISECONDS);
        scheduler.schedule(this::troubleOneCluster, pace.troubleEvery().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A login refused for the address it came from, in the event log of one of the cluster's nodes: a live session's
     * initiator tried it on that session's SVM and LIF from an address it may not use. A cluster without sessions
     * (the demo may start with none) leaves it for a while.
     */
    private void refuseOneLogin() {
        SimulatedCluster cluster = anyCluster();
        List<IscsiSession> sessions = cluster.sessions();
        if (sessions.isEmpty()) {
            scheduler.schedule(this::refuseOneLogin, pace.maxPause().toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        IscsiSession host = sessions.get(random.nextInt(sessions.size()));
        List<SimulatedNode> nodes = cluster.nodes();
        cluster.logLoginRefused(nodes.get(random.nextInt(nodes.size())), host.initiatorName(), host.svm().name(),
                host.targetPortalGroup(), UNALLOWED_NETWORK + (FIRST_UNALLOWED_HOST + random.nextInt(UNALLOWED_HOSTS)));
    }

    private SimulatedCluster anyCluster() {
        List<SimulatedCluster> clusters = simulator.clusters();
        return clusters.get(random.nextInt(clusters.size()));
    }

    @Override
    public void close() throws InterruptedException {
        scheduler.shutdownNow();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
    }
}
