package io.github.ontapkafka.iscsi.it;

import io.github.ontapkafka.iscsi.config.OntapSourceConfig;
import io.github.ontapkafka.iscsi.it.EventLog.Event;
import io.github.ontapkafka.iscsi.simulator.OntapSimulatorServer;
import io.github.ontapkafka.iscsi.simulator.SimulatedCluster;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three distributed workers, six clusters, three tasks: sessions keep changing while one worker leaves and another
 * joins; afterwards every cluster's stream converges to its live sessions, the current-sessions table (at-least-once,
 * each table record ahead of its event) holds exactly them, and the tasks run on the workers left.
 */
class DistributedIT {

    private static final String CONNECTOR = "distributed";
    private static final Duration CONVERGE = Duration.ofSeconds(90);

    @Test
    void sessionsChurningWhileWorkersComeAndGoConvergeForEveryCluster() throws Exception {
        List<SimulatedCluster> clusters = IntStream.range(0, 6)
                .mapToObj(i -> SimulatedCluster.named("distributed-" + i)).toList();
        ChurnDriver.populate(clusters, 5, 20);
        try (OntapSimulatorServer simulator = OntapSimulatorServer.builder()
                     .credentials(ConnectHarness.USERNAME, ConnectHarness.PASSWORD).build();
             ConnectHarness harness = ConnectHarness.start("distributed-it", 3, Map.of())) {
            for (int i = 0; i < clusters.size(); i++) {
                simulator.mount("c" + i, clusters.get(i));
            }
            simulator.start();
            Map<String, String> config = ConnectHarness.connectorConfig("distributed",
                    clusters.stream().map(simulator::baseUrl).toList());
            config.put("tasks.max", "3");
            config.put(OntapSourceConfig.TABLE_TOPIC, "distributed-current");
            harness.connect.kafka().createTopic("distributed", 3);
            harness.connect.kafka().createTopic("distributed-current", 3, 1, Map.of("cleanup.policy", "compact"));
            harness.deploy(CONNECTOR, config, 3);

            int operations;
            WorkerHandle leaving = harness.connect.workers().iterator().next();
            String leavingId = workerId(leaving);
            try (EventLog log = harness.events("distributed");
                 ChurnDriver churn = new ChurnDriver(clusters, 17, 2, 400)) {
                log.awaitAtLeast(clusters.size() * 20, Duration.ofSeconds(60));
                harness.connect.removeWorker(leaving);
                Thread.sleep(3_000);
                harness.connect.addWorker();
                harness.connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(CONNECTOR, 3,
                        "tasks did not resume after the worker change");
                Thread.sleep(3_000);
                churn.close();
                operations = churn.operations();

                StreamReplay.awaitConvergence(log, clusters, CONVERGE);
                List<Event> events = log.settle(Duration.ofSeconds(1));
                System.out.printf("distributed: %d churn operations, %d events, %d distinct ids%n", operations,
                        events.size(), events.stream().map(Event::id).distinct().count());
            }
            try (TopicLog<StreamReplay.TableEntry> table = StreamReplay.table(harness.connect.kafka(),
                    "distributed-current")) {
                System.out.printf("distributed: the table holds the %d live sessions%n",
                        StreamReplay.awaitTableOfLiveSessions(table, clusters, CONVERGE));
            }

            ConnectorStateInfo status = harness.connect.connectorStatus(CONNECTOR);
            Set<String> workersNow = harness.connect.workers().stream().map(DistributedIT::workerId)
                    .collect(Collectors.toSet());
            List<String> taskWorkers = status.tasks().stream().map(ConnectorStateInfo.AbstractState::workerId).toList();
            assertThat(status.tasks()).hasSize(3).allMatch(t -> t.state().equals("RUNNING"));
            assertThat(workersNow).containsAll(taskWorkers);
            assertThat(Set.copyOf(taskWorkers)).as("tasks spread over the workers").hasSizeGreaterThanOrEqualTo(2);
            assertThat(taskWorkers).doesNotContain(leavingId);
            assertThat(operations).isGreaterThan(20);
        }
    }

    private static String workerId(WorkerHandle worker) {
        return worker.url().getHost() + ":" + worker.url().getPort();
    }
}
