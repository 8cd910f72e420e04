package io.github.ontapkafka.iscsi.deploy;

import io.github.ontapkafka.iscsi.config.ClusterSettings;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.ontapkafka.iscsi.config.OntapSourceConfig;
import io.github.ontapkafka.iscsi.connector.OntapIscsiSourceConnector;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot run here (no Docker engine), so its structure is checked against the build: services,
 * pinned images, the plugin mount against what {@code mvn package} produced, the connector config against the
 * ConfigDef. Runs after packaging (Failsafe).
 */
class ComposeFileIT {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode services;

    @BeforeAll
    static void readComposeFile() throws IOException {
        services = YAML.readTree(Path.of("docker-compose.yml").toFile()).get("services");
    }

    private static List<String> volumes(String service) {
        List<String> volumes = new ArrayList<>();
        services.get(service).path("volumes").forEach(v -> volumes.add(v.asText()));
        return volumes;
    }

    private static Path hostPathMountedAt(String service, String containerPath) {
        return volumes(service).stream().map(v -> v.split(":")).filter(parts -> parts[1].equals(containerPath))
                .map(parts -> Path.of(parts[0])).findFirst()
                .orElseThrow(() -> new AssertionError(service + " mounts nothing at " + containerPath));
    }

    @Test
    void hasTheWholeStack() {
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);

        assertThat(names).contains("kafka", "schema-registry", "connect", "ontap-simulator", "register-connector");
    }

    @Test
    void pinsEveryImageToAVersion() {
        services.forEach(service -> {
            String image = service.get("image").asText();
            assertThat(image).as("image of a service").matches("[a-z0-9./_-]+:[0-9][A-Za-z0-9._-]*");
        });
    }

    @Test
    void mountsThePluginTheBuildProduced() throws IOException {
        Path plugin = hostPathMountedAt("connect", "/plugins");
        String pluginPath = services.get("connect").get("environment").get("CONNECT_PLUGIN_PATH").asText();

        assertThat(List.of(pluginPath.split(","))).contains("/plugins");
        assertThat(plugin).isDirectory();
        try (Stream<Path> files = Files.walk(plugin)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names).contains("manifest.json").anyMatch(n -> n.startsWith("kafka-connect-ontap-iscsi-")
                    && n.endsWith(".jar"));
        }
    }

    @Test
    void runsTheSimulatorFromItsOwnJarNotFromThePlugin() {
        assertThat(hostPathMountedAt("ontap-simulator", "/ontap-simulator.jar").toAbsolutePath().normalize())
                .isEqualTo(Path.of("target", "ontap-simulator.jar").toAbsolutePath()).isRegularFile();
        assertThat(services.get("ontap-simulator").get("command").asText()).contains("java -jar /ontap-simulator.jar");
    }

    @Test
    void createsTheSessionAndTheCompactedHealthTopicTheConnectorWritesTo() throws IOException {
        Map<String, String> config = JSON.readValue(hostPathMountedAt("register-connector", "/connector.json").toFile(),
                new TypeReference<>() { });
        String command = services.get("create-topic").get("command").asText();

        String sessions = config.getOrDefault(OntapSourceConfig.TOPIC, OntapSourceConfig.DEFAULT_TOPIC);
        String health = config.getOrDefault(OntapSourceConfig.HEALTH_TOPIC, OntapSourceConfig.DEFAULT_HEALTH_TOPIC);
        assertThat(command).contains("--topic " + sessions + " ")
                .contains("--topic " + health + " --partitions 1 --replication-factor 1 --config cleanup.policy=compact");
    }

    @Test
    void convertsWithConfluentsAvroConverterAndTheRegistry() {
        JsonNode environment = services.get("connect").get("environment");

        assertThat(environment.get("CONNECT_VALUE_CONVERTER").asText()).isEqualTo("io.confluent.connect.avro.AvroConverter");
        assertThat(environment.get("CONNECT_KEY_CONVERTER").asText()).isEqualTo("io.confluent.connect.avro.AvroConverter");
        assertThat(environment.get("CONNECT_VALUE_CONVERTER_SCHEMA_REGISTRY_URL").asText())
                .isEqualTo("http://schema-registry:8081");
    }

    @Test
    void registersAConnectorConfigThatTheConfigDefAccepts() throws IOException {
        Map<String, String> config = JSON.readValue(hostPathMountedAt("register-connector", "/connector.json").toFile(),
                new TypeReference<>() { });

        List<ConfigValue> values = OntapSourceConfig.CONFIG_DEF.validate(config);

        assertThat(values).allSatisfy(v -> assertThat(v.errorMessages()).as(v.name()).isEmpty());
        assertThat(config.get("connector.class")).isEqualTo(OntapIscsiSourceConnector.class.getName());
        assertThat(config.get(OntapSourceConfig.PASSWORD)).as("the secret comes from a file").startsWith("${file:");
        String simulatorCommand = services.get("ontap-simulator").get("command").asText();
        for (ClusterSettings cluster : new OntapSourceConfig(config).clusters()) {
            assertThat(cluster.url().toString()).startsWith("http://ontap-simulator:8080/clusters/c");
        }
        assertThat(simulatorCommand).contains("--port 8080").contains("--clusters 2")
                .contains("--username " + config.get(OntapSourceConfig.USERNAME));
        String secretFile = config.get(OntapSourceConfig.PASSWORD).split(":")[1];
        assertThat(hostPathMountedAt("connect", Path.of(secretFile).getParent().toString()).resolve(
                Path.of(secretFile).getFileName())).isRegularFile();
    }
}
