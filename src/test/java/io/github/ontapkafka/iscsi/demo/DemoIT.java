package io.github.ontapkafka.iscsi.demo;

import io.github.ontapkafka.iscsi.fixtures.ApicurioRegistryProcess;
import io.github.ontapkafka.iscsi.simulator.OntapSimulatorServer;
import io.github.ontapkafka.iscsi.simulator.SessionChurn;
import io.github.ontapkafka.iscsi.simulator.SimulatedCluster;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The demo run as {@code ./demo} runs it, in this JVM: every part really starts, the events and the event log's
 * refused logins reach the console decoded from Avro, and stopping leaves nothing listening and no registry process
 * behind.
 */
class DemoIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<String> CHANGES = List.of("  LOGIN  ", "  LOGOUT  ", "  CONNECTION_CHANGE  ");
    /** The only EMS records the simulated workload makes. */
    private static final String REFUSED = "  REFUSED  ";

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeEach
    void registryDistribution() throws IOException {
        assumeTrue(ApicurioRegistryProcess.runnerJar().isPresent(), ApicurioRegistryProcess.MISSING);
    }

    @Test
    void showsTheSimulatedClustersEventsAndStopsEveryPart() throws Exception {
        Demo demo = new Demo(DemoOptions.parse("--clusters", "1", "--sessions", "3", "--poll-seconds", "1"), null,
                new PrintStream(console, true, StandardCharsets.UTF_8), Palette.PLAIN);
        Thread view = new Thread(demo::showEvents, "demo-view");
        Set<Path> kafkaDirsBefore = kafkaTemporaryDirectories();
        Demo.Endpoints endpoints;
        try {
            demo.start();
            endpoints = demo.endpoints();
            view.start();
            Awaitility.await().atMost(WAIT).until(() -> eventLines().stream()
                    .anyMatch(line -> CHANGES.stream().anyMatch(line::contains))
                    && eventLines().stream().anyMatch(line -> line.contains(REFUSED)));
        } finally {
            demo.stop();
        }
        view.join(TimeUnit.SECONDS.toMillis(10));

        String shown = console.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("Kafka             " + endpoints.kafka(),
                "Connect REST      " + endpoints.connectRest(),
                "Schema registry   " + endpoints.schemaRegistry(),
                "cluster-01        " + endpoints.ontapClusters().get(0),
                "ontap.iscsi.ems (failed and refused logins)", EmsLine.LEGEND,
                "TIME      EVENT              CLUSTER      SVM          PORTAL GROUP   TSIH  INITIATOR");
        assertThat(endpoints.schemaRegistry()).startsWith("http://127.0.0.1:").endsWith("/apis/ccompat/v7");
        List<String> health = eventLines().stream().filter(line -> line.contains("  HEALTH ")).toList();
        assertThat(health).as("the cluster's health, from its first contact")
                .anyMatch(line -> line.matches(
                        "\\d\\d:\\d\\d:\\d\\d  HEALTH OK {10}cluster-01   watching: \\d+ sessions"));
        List<String> refused = eventLines().stream().filter(line -> line.contains(REFUSED)).toList();
        assertThat(refused).as("the login the workload refused early, from the event log").isNotEmpty()
                .allMatch(line -> line.matches("\\d\\d:\\d\\d:\\d\\d  REFUSED {12}cluster-01   svm_\\w+ +"
                        + "iscsi_lif_\\w+ +-  \\w+:\\S+ +203\\.0\\.113\\.\\d+ +address not allowed for this initiator  "
                        + "\\(node cluster-01-0[12] #\\d+\\)"));
        List<String> events = eventLines().stream().filter(line -> !health.contains(line) && !refused.contains(line))
                .toList();
        List<String> snapshot = events.stream().takeWhile(line -> line.contains("  SNAPSHOT  ")).toList();
        assertThat(snapshot).as("the sessions present at the start").isNotEmpty().allMatch(line -> line.matches(
                "\\d\\d:\\d\\d:\\d\\d  SNAPSHOT {11}cluster-01 {3}svm_\\w+ +iscsi_lif_\\w+ +\\d+  \\w+:\\S+ +"
                        + "[0-9a-f.:,]+ +\\d connections?, (chap|none)"));
        assertThat(events.subList(snapshot.size(), events.size())).as("then changes, and only changes")
                .isNotEmpty().allMatch(line -> CHANGES.stream().anyMatch(line::contains));
        assertThat(view.isAlive()).as("the console view stopped").isFalse();
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(process -> process.info().commandLine().orElse("?")))
                .as("child processes left running").noneMatch(command -> command.contains("apicurio-registry"));
        for (String address : List.of(endpoints.kafka(), hostAndPort(endpoints.connectRest()),
                hostAndPort(endpoints.schemaRegistry()), hostAndPort(endpoints.ontapClusters().get(0)))) {
            assertThat(accepts(address)).as("something still listens at " + address).isFalse();
        }
        assertThat(kafkaTemporaryDirectories()).as("Kafka's files left behind").isSubsetOf(kafkaDirsBefore);
    }

    @Test
    void aClusterThatRejectsThePasswordIsReportedInWords() throws Exception {
        SimulatedCluster cluster = SimulatedCluster.named("real-one");
        new SessionChurn(5).populate(cluster, 2);
        try (OntapSimulatorServer ontap = OntapSimulatorServer.builder().credentials("kafka-monitor", "right")
                .build().mount("c1", cluster).start()) {
            Demo demo = new Demo(DemoOptions.parse("--ontap", ontap.baseUrl(cluster), "--username", "kafka-monitor"),
                    OntapLogin.basic("kafka-monitor", "wrong", null),
                    new PrintStream(console, true, StandardCharsets.UTF_8), Palette.PLAIN);
            try {
                assertThatThrownBy(demo::start).isInstanceOf(DemoFailure.class)
                        .hasMessageStartingWith("Connect rejected the connector's configuration:\n"
                                + "  ontap.username, ontap.password: ")
                        .hasMessageContaining(ontap.baseUrl(cluster))
                        .hasMessageContaining("401")
                        .hasMessageNotContaining("wrong");
            } finally {
                demo.stop();
            }
        }
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("Checking the clusters through Connect's validate endpoint ... failed")
                .doesNotContain("ONTAP simulator");
    }

    private List<String> eventLines() {
        List<String> events = new ArrayList<>();
        boolean afterHeader = false;
        for (String line : console.toString(StandardCharsets.UTF_8).split("\n")) {
            if (afterHeader) {
                events.add(line);
            }
            afterHeader |= line.startsWith("TIME ");
        }
        return events;
    }

    private static Set<Path> kafkaTemporaryDirectories() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().startsWith("kafka-")).collect(Collectors.toSet());
        }
    }

    private static String hostAndPort(String url) {
        URI uri = URI.create(url);
        return uri.getHost() + ":" + uri.getPort();
    }

    private static boolean accepts(String hostAndPort) throws IOException {
        int colon = hostAndPort.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostAndPort.substring(0, colon),
                    Integer.parseInt(hostAndPort.substring(colon + 1))), 2_000);
            return true;
        } catch (ConnectException refused) {
            return false;
        }
    }
}
