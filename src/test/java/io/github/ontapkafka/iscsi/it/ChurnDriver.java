package io.github.ontapkafka.iscsi.it;

import io.github.ontapkafka.iscsi.simulator.ChurnSummary;
import io.github.ontapkafka.iscsi.simulator.SessionChurn;
import io.github.ontapkafka.iscsi.simulator.SimulatedCluster;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Keeps the simulated clusters changing (logins, logouts, connection changes, TSIH reuse) until closed. */
final class ChurnDriver implements AutoCloseable {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger operations = new AtomicInteger();

    ChurnDriver(List<SimulatedCluster> clusters, long seed, int operationsPerClusterAndStep, long periodMillis) {
        List<SessionChurn> churns = clusters.stream().map(c -> new SessionChurn(seed + c.uuid().hashCode())).toList();
        scheduler.scheduleAtFixedRate(() -> {
            for (int i = 0; i < clusters.size(); i++) {
                ChurnSummary summary = churns.get(i).apply(clusters.get(i), operationsPerClusterAndStep);
                operations.addAndGet(summary.operations());
            }
        }, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    static void populate(List<SimulatedCluster> clusters, long seed, int sessionsEach) {
        for (SimulatedCluster cluster : clusters) {
            new SessionChurn(seed + cluster.uuid().hashCode()).populate(cluster, sessionsEach);
        }
    }

    int operations() {
        return operations.get();
    }

    @Override
    public void close() throws InterruptedException {
        scheduler.shutdown();
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
    }
}
