package io.github.ontapkafka.iscsi.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ontapkafka.iscsi.config.OntapSourceConfig;
import io.github.ontapkafka.iscsi.connector.OntapIscsiSourceConnector;
import io.github.ontapkafka.iscsi.fixtures.BuiltArtifacts;
import io.github.ontapkafka.iscsi.fixtures.ChildJvm;
import io.github.ontapkafka.iscsi.simulator.OntapSimulatorServer;
import io.github.ontapkafka.iscsi.simulator.SessionChurn;
import io.github.ontapkafka.iscsi.simulator.SimulatedCluster;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;
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
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component archive as a user installs it: unzipped into the {@code plugin.path} of a Connect worker running in
 * its own JVM, whose classpath holds Kafka but neither this project's classes nor its dependencies. The worker must
 * find the connector through the archive's service-loader manifest alone and run it in plugin isolation.
 */
class PackagedPluginIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void theArchiveRunsInAWorkerThatOnlyKnowsItThroughPluginPath() throws Exception {
        Path archive = BuiltArtifacts.componentArchive();
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        unzip(archive, plugins);
        String version = Files.readString(Files.list(plugins).findFirst().orElseThrow().resolve("manifest.json"));

        EmbeddedKafkaCluster kafka = new EmbeddedKafkaCluster(1, new Properties());
        SimulatedCluster cluster = SimulatedCluster.named("packaged");
        new SessionChurn(3).populate(cluster, 5);
        try (OntapSimulatorServer simulator = OntapSimulatorServer.builder()
                .credentials(ConnectHarness.USERNAME, ConnectHarness.PASSWORD).build().mount("c1", cluster).start()) {
            kafka.start();
            kafka.createTopic("packaged", 1);
            kafka.createTopic(OntapSourceConfig.DEFAULT_HEALTH_TOPIC, 1);
            int restPort = ChildJvm.freePort();
            try (ChildJvm worker = startWorker(kafka.bootstrapServers(), plugins, restPort, simulator.baseUrl(cluster));
                 EventLog events = new EventLog(kafka, "packaged")) {
                assertThat(events.awaitAtLeast(5, WAIT)).extracting(EventLog.Event::type).containsOnly("SNAPSHOT");

                JsonNode plugin = connectorPlugin(restPort);
                assertThat(plugin.get("type").asText()).isEqualTo("source");
                assertThat(version).contains("\"version\": \"" + plugin.get("version").asText() + "\"");
            }
        } finally {
            kafka.stop();
        }
    }

    private ChildJvm startWorker(String bootstrap, Path plugins, int restPort, String clusterUrl) throws IOException {
        Path workerProps = dir.resolve("worker.properties");
        Files.writeString(workerProps, String.join("\n",
                "bootstrap.servers=" + bootstrap,
                "listeners=http://127.0.0.1:" + restPort,
                "plugin.path=" + plugins,
                "plugin.discovery=service_load",
                "offset.storage.file.filename=" + dir.resolve("offsets"),
                "offset.flush.interval.ms=1000",
                "key.converter=org.apache.kafka.connect.json.JsonConverter",
                "key.converter.schemas.enable=false",
                "value.converter=org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable=false"));
        Path connectorProps = dir.resolve("connector.properties");
        Files.writeString(connectorProps, String.join("\n",
                "name=packaged",
                "connector.class=" + OntapIscsiSourceConnector.class.getName(),
                "tasks.max=1",
                "ontap.clusters=" + clusterUrl,
                "ontap.username=" + ConnectHarness.USERNAME,
                "ontap.password=" + ConnectHarness.PASSWORD,
                "topic=packaged",
                "poll.interval.ms=500"));
        return ChildJvm.start(ChildJvm.classpath(entry -> entry.endsWith(".jar") && isWorkerLibrary(entry)),
                dir.resolve("worker.log"), "org.apache.kafka.connect.cli.ConnectStandalone",
                workerProps.toString(), connectorProps.toString());
    }

    /** Kafka's jars stay; the project's classes and the libraries only the plugin may bring go. */
    private static boolean isWorkerLibrary(String jar) {
        String name = Path.of(jar).getFileName().toString();
        return Stream.of("okhttp", "okio", "kotlin", "annotations-13", "mockwebserver", "kafka-connect-ontap-iscsi")
                .noneMatch(name::startsWith);
    }

    private JsonNode connectorPlugin(int restPort) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + restPort + "/connector-plugins")).build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode plugin : JSON.readTree(response.body())) {
            if (plugin.get("class").asText().equals(OntapIscsiSourceConnector.class.getName())) {
                return plugin;
            }
        }
        throw new AssertionError("the worker lists no " + OntapIscsiSourceConnector.class.getName() + ": "
                + response.body() + "\nworker log:\n" + Files.readString(dir.resolve("worker.log")));
    }

    private static void unzip(Path archive, Path target) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path out = target.resolve(entry.getName()).normalize();
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(zip, out);
                }
            }
        }
    }

}
