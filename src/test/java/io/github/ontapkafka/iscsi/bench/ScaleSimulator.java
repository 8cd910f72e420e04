package io.github.ontapkafka.iscsi.bench;

import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.simulator.OntapSimulatorServer;
import io.github.ontapkafka.iscsi.simulator.SimulatedCluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The ONTAP side of {@link ScaleBenchmark}, in a JVM of its own so that its CPU is not counted as the worker's:
 * {@code clusters} simulated clusters of {@code sessions} sessions each, churned by the simulator's realistic
 * workload at {@code rate} × sessions random changes per cluster and {@code intervalMillis}, each at a random
 * moment. Every changed session key is logged with the time of its change, for matching with the records.
 *
 * <p>Prints {@code READY <port>} once serving; then reads commands from standard input: {@code reset} zeroes the
 * request statistics, {@code stats} prints {@code STATS <requests> <bytes>} summed over all clusters, and
 * {@code quit} (or the end of input) stops.
 */
public final class ScaleSimulator {

    static final String USER = "bench";
    static final String PASSWORD = "bench-password";

    private ScaleSimulator() {
    }

    public static void main(String[] args) throws Exception {
        int clusterCount = Integer.parseInt(args[0]);
        int sessions = Integer.parseInt(args[1]);
        long intervalMillis = Long.parseLong(args[2]);
        double rate = Double.parseDouble(args[3]);
        Path changeLog = Path.of(args[4]);
        OntapSimulatorServer server = OntapSimulatorServer.builder().credentials(USER, PASSWORD).build();
        List<SimulatedCluster> clusters = new ArrayList<>();
        for (int i = 1; i <= clusterCount; i++) {
            SimulatedCluster cluster = SimulatedCluster.named("scale-cluster-" + i);
            server.mount("c" + i, cluster);
            server.workload(cluster).populate(cluster, sessions);
            clusters.add(cluster);
        }
        server.start();
        Thread churn = new Thread(() -> churn(server, clusters, intervalMillis, rate, changeLog), "churn");
        churn.setDaemon(true);
        churn.start();
        System.out.println("READY " + server.port());
        System.out.flush();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String command = commands.readLine(); command != null && !command.equals("quit");
             command = commands.readLine()) {
            if (command.equals("reset")) {
                clusters.forEach(cluster -> cluster.stats().reset());
            } else if (command.equals("stats")) {
                long requests = clusters.stream().mapToLong(cluster -> cluster.stats().totalRequests()).sum();
                long bytes = clusters.stream().mapToLong(cluster -> cluster.stats().bytesServed()).sum();
                System.out.println("STATS " + requests + " " + bytes);
                System.out.flush();
            }
        }
        server.stop();
    }

    /** Each interval, rate × sessions operations per cluster, at random moments spread over the interval. */
    private static void churn(OntapSimulatorServer server, List<SimulatedCluster> clusters, long intervalMillis,
                              double rate, Path changeLog) {
        Random random = new Random(42);
        try (PrintWriter log = new PrintWriter(Files.newBufferedWriter(changeLog, StandardCharsets.UTF_8))) {
            long intervalStart = System.currentTimeMillis();
            while (!Thread.currentThread().isInterrupted()) {
                List<long[]> due = new ArrayList<>();
                for (int c = 0; c < clusters.size(); c++) {
                    long operations = Math.max(1, Math.round(clusters.get(c).size() * rate));
                    for (long o = 0; o < operations; o++) {
                        due.add(new long[]{intervalStart + (long) (random.nextDouble() * intervalMillis), c});
                    }
                }
                due.sort((a, b) -> Long.compare(a[0], b[0]));
                for (long[] operation : due) {
                    Thread.sleep(Math.max(0, operation[0] - System.currentTimeMillis()));
                    SimulatedCluster cluster = clusters.get((int) operation[1]);
                    List<IscsiSession> before = cluster.sessions();
                    server.workload(cluster).apply(cluster, 1);
                    logChanges(log, cluster, before, cluster.sessions(), System.currentTimeMillis());
                }
                log.flush();
                intervalStart += intervalMillis;
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the change log", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Logs the keys whose session is not the very same object before and after (both lists are in key order). */
    private static void logChanges(PrintWriter log, SimulatedCluster cluster, List<IscsiSession> before,
                                   List<IscsiSession> after, long at) {
        int i = 0;
        int j = 0;
        while (i < before.size() || j < after.size()) {
            int order = i == before.size() ? 1 : j == after.size() ? -1
                    : before.get(i).key().compareTo(after.get(j).key());
            IscsiSession changed = order < 0 ? before.get(i) : after.get(j);
            if (order != 0 || before.get(i) != after.get(j)) {
                log.println(cluster.uuid() + " " + changed.svm().uuid() + " " + changed.targetPortalGroup() + " "
                        + changed.tsih() + " " + at);
            }
            i += order <= 0 ? 1 : 0;
            j += order >= 0 ? 1 : 0;
        }
    }
}
