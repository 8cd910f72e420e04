package io.github.ontapkafka.iscsi.demo;

import io.github.ontapkafka.iscsi.simulator.RunningSimulator;
import io.github.ontapkafka.iscsi.simulator.SimulatedCluster;

import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Changes the simulated clusters at a pace a person can follow: one change every one to three seconds, on a cluster
 * picked at random, drawn from the simulator's own realistic mix (logins, logouts, connections added and dropped,
 * now and then a TSIH reused by another initiator).
 */
final class PacedChurn implements AutoCloseable {

    private static final long MIN_PAUSE_MILLIS = 1_000;
    private static final long MAX_PAUSE_MILLIS = 3_000;

    private final RunningSimulator simulator;
    private final Random random = new Random();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "demo-churn");
        thread.setDaemon(true);
        return thread;
    });

    private PacedChurn(RunningSimulator simulator) {
        this.simulator = simulator;
    }

    static PacedChurn start(RunningSimulator simulator) {
        PacedChurn churn = new PacedChurn(simulator);
        churn.scheduleNext();
        return churn;
    }

    private void scheduleNext() {
        long pause = MIN_PAUSE_MILLIS + random.nextLong(MAX_PAUSE_MILLIS - MIN_PAUSE_MILLIS + 1);
        scheduler.schedule(this::changeOneCluster, pause, TimeUnit.MILLISECONDS);
    }

    private void changeOneCluster() {
        List<SimulatedCluster> clusters = simulator.clusters();
        SimulatedCluster cluster = clusters.get(random.nextInt(clusters.size()));
        simulator.server().workload(cluster).apply(cluster, 1);
        scheduleNext();
    }

    @Override
    public void close() throws InterruptedException {
        scheduler.shutdownNow();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
    }
}
