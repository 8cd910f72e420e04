package io.github.ontapkafka.iscsi.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ontapkafka.iscsi.config.OntapSourceConfig;
import io.github.ontapkafka.iscsi.fixtures.ChildJvm;
import io.github.ontapkafka.iscsi.fixtures.ConnectorTopics;
import io.github.ontapkafka.iscsi.it.EventLog.Event;
import io.github.ontapkafka.iscsi.simulator.OntapSimulatorServer;
import io.github.ontapkafka.iscsi.simulator.SimulatedCluster;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly-once source (KIP-618) through real crashes: distributed workers in JVMs of their own, killed with SIGKILL
 * again and again while sessions change. A read_committed consumer must see a stream that replays to every cluster's
 * live sessions and holds no event twice, and a current-sessions table that, read to its end, holds exactly the live
 * sessions.
 */
class ExactlyOnceCrashIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration SLOW = Duration.ofSeconds(150);
    private static final int CLUSTERS = 6;
    private static final int CRASHES = 3;

    @TempDir
    Path dir;

    private final List<Worker> workers = new ArrayList<>();

    /** A distributed worker in a JVM of its own, and the port of its REST API. */
    private record Worker(ChildJvm jvm, int restPort) {
    }

    @Test
    void crashingWorkersDuringChurnLeavesACommittedStreamThatConvergesWithoutDuplicates() throws Exception {
        Properties brokerProps = new Properties();
        brokerProps.put("transaction.state.log.replication.factor", "1");
        brokerProps.put("transaction.state.log.min.isr", "1");
        EmbeddedKafkaCluster kafka = new EmbeddedKafkaCluster(1, brokerProps);
        List<SimulatedCluster> clusters = IntStream.range(0, CLUSTERS)
                .mapToObj(i -> SimulatedCluster.named("eos-" + i)).toList();
        ChurnDriver.populate(clusters, 9, 20);
        try (OntapSimulatorServer simulator = OntapSimulatorServer.builder()
                .credentials(ConnectHarness.USERNAME, ConnectHarness.PASSWORD).build()) {
            for (int i = 0; i < clusters.size(); i++) {
                simulator.mount("c" + i, clusters.get(i));
            }
            simulator.start();
            kafka.start();
            for (int i = 0; i < 3; i++) {
                startWorker(kafka.bootstrapServers());
            }
            Map<String, String> config = ConnectHarness.connectorConfig("eos",
                    clusters.stream().map(simulator::baseUrl).toList());
            config.put("tasks.max", "3");
            config.put("exactly.once.support", "required");
            config.put(OntapSourceConfig.HEALTH_TOPIC, "eos-health");
            config.put(OntapSourceConfig.HEARTBEAT_INTERVAL_MS, "1000");
            config.put(OntapSourceConfig.TABLE_TOPIC, "eos-table");
            ConnectorTopics.create(kafka, config, 3);
            awaitRest();
            put("/connectors/eos/config", JSON.writeValueAsString(config));
            awaitTasksRunning();

            Random random = new Random(23);
            int operations;
            try (EventLog log = new EventLog(kafka, "eos")) {
                log.awaitAtLeast(CLUSTERS * 20, SLOW);
                try (ChurnDriver churn = new ChurnDriver(clusters, 29, 2, 400)) {
                    for (int crash = 0; crash < CRASHES; crash++) {
                        List<Worker> alive = aliveWorkers();
                        alive.get(random.nextInt(alive.size())).jvm().crash();
                        Thread.sleep(2_000);
                        startWorker(kafka.bootstrapServers());
                        awaitTasksRunning();
                        Thread.sleep(2_000);
                    }
                    operations = churn.operations();
                }
                long settleStart = System.nanoTime();
                StreamReplay.awaitConvergence(log, clusters, SLOW);
                long convergedMillis = (System.nanoTime() - settleStart) / 1_000_000;
                List<Event> events = log.settle(Duration.ofSeconds(2));
                long distinct = events.stream().map(Event::id).distinct().count();
                System.out.printf("exactly-once: %d workers crashed with SIGKILL, %d churn operations, %d committed "
                                + "events, %d duplicates, converged %d ms after churn stopped%n",
                        CRASHES, operations, events.size(), events.size() - distinct, convergedMillis);

                assertThat(events.size() - distinct).as("events seen twice by a read_committed consumer").isZero();
                assertThat(operations).isGreaterThan(20);
            }
            // The table commits in the same transactions as the events: read to its end, it is the live sessions.
            try (TopicLog<StreamReplay.TableEntry> table = StreamReplay.table(kafka, "eos-table")) {
                int live = StreamReplay.awaitTableOfLiveSessions(table, clusters, SLOW);
                System.out.printf("exactly-once: the table holds the %d live sessions of %d clusters%n", live,
                        CLUSTERS);
            }
            // Health records commit in the same transactions: a read_committed consumer sees every cluster's
            // current health, and it agrees with the cluster.
            try (HealthLog health = new HealthLog(kafka, "eos-health")) {
                Awaitility.await().atMost(SLOW).until(() -> {
                    Map<String, HealthLog.Health> latest = new HashMap<>();
                    health.drain().forEach(record -> latest.put(record.clusterUrl(), record));
                    return clusters.stream().allMatch(cluster -> {
                        HealthLog.Health current = latest.get(simulator.baseUrl(cluster));
                        return current != null && current.status().equals("OK")
                                && current.value().get("sessions_tracked").asInt() == cluster.size();
                    });
                });
            }
        } finally {
            for (Worker worker : workers) {
                worker.jvm().close();
            }
            kafka.stop();
        }
    }

    private void startWorker(String bootstrap) throws IOException {
        int index = workers.size();
        int restPort = ChildJvm.freePort();
        Path props = dir.resolve("worker-" + index + ".properties");
        Files.writeString(props, String.join("\n",
                "bootstrap.servers=" + bootstrap,
                "group.id=eos-it",
                "listeners=http://127.0.0.1:" + restPort,
                "rest.advertised.host.name=127.0.0.1",
                "config.storage.topic=eos-configs",
                "offset.storage.topic=eos-offsets",
                "status.storage.topic=eos-status",
                "config.storage.replication.factor=1",
                "offset.storage.replication.factor=1",
                "status.storage.replication.factor=1",
                "exactly.once.source.support=enabled",
                "plugin.discovery=service_load",
                "key.converter=org.apache.kafka.connect.json.JsonConverter",
                "key.converter.schemas.enable=false",
                "value.converter=org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable=false",
                "offset.flush.interval.ms=1000",
                "session.timeout.ms=6000",
                "heartbeat.interval.ms=1000",
                "scheduled.rebalance.max.delay.ms=1000"));
        workers.add(new Worker(ChildJvm.start(ChildJvm.classpath(entry -> true),
                dir.resolve("worker-" + index + ".log"), "org.apache.kafka.connect.cli.ConnectDistributed",
                props.toString()), restPort));
    }

    private List<Worker> aliveWorkers() {
        return workers.stream().filter(worker -> worker.jvm().isAlive()).toList();
    }

    private String restUrl() {
        return "http://127.0.0.1:" + aliveWorkers().get(0).restPort();
    }

    private void awaitRest() {
        Awaitility.await().atMost(SLOW).ignoreExceptions().until(() -> get("/connectors").statusCode() == 200);
    }

    /** Waits until three tasks run, each on a worker that is alive. */
    private void awaitTasksRunning() {
        Awaitility.await().atMost(SLOW).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            JsonNode status = JSON.readTree(get("/connectors/eos/status").body());
            List<String> alive = aliveWorkers().stream().map(worker -> "127.0.0.1:" + worker.restPort()).toList();
            int running = 0;
            for (JsonNode task : status.get("tasks")) {
                if (task.get("state").asText().equals("RUNNING") && alive.contains(task.get("worker_id").asText())) {
                    running++;
                }
            }
            return running == 3;
        });
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(restUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void put(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(restUrl() + path))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    }

}
