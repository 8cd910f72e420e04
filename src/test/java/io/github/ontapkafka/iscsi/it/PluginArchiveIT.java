package io.github.ontapkafka.iscsi.it;

import io.github.ontapkafka.iscsi.fixtures.BuiltArtifacts;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component archive as a security reviewer opens it: the connector, its runtime dependencies, its documentation
 * and example configurations, and nothing else. No simulator, demo or benchmark class, no embedded HTTP server, no
 * default credentials, no JVM-wide property changes.
 */
class PluginArchiveIT {

    /** The connector's own packages, the only classes its jar may hold. */
    private static final Pattern CONNECTOR_CLASS = Pattern.compile(
            "io/github/ontapkafka/iscsi/(connector|config|event|tracking|ontap|model|transform)/"
                    + "([A-Za-z0-9_$]+|package-info)\\.class");
    private static final Set<String> CONNECTOR_RESOURCES = Set.of(
            "META-INF/MANIFEST.MF",
            "META-INF/services/org.apache.kafka.connect.source.SourceConnector",
            "META-INF/services/org.apache.kafka.connect.transforms.Transformation",
            "ontap-iscsi-connector.properties");
    private static final Pattern MAVEN_METADATA = Pattern.compile("META-INF/maven/.+/(pom\\.xml|pom\\.properties)");
    /** The runtime dependencies a reviewer has agreed to: OkHttp with Okio and Kotlin's library, Jackson's parser. */
    private static final Pattern ACCEPTED_DEPENDENCY = Pattern.compile(
            "(okhttp-jvm|okio-jvm|kotlin-stdlib|annotations|jackson-core)-[0-9][^/]*\\.jar");
    /** Byte strings that only test tooling has: the JDK's HTTP server, the simulator's login and its JVM property. */
    private static final List<String> FORBIDDEN_BYTES = List.of("com/sun/net/httpserver", "netapp123",
            "sun.net.httpserver.nodelay", "iscsi/simulator", "iscsi/demo", "iscsi/bench", "org/openjdk/jmh");

    @Test
    void holdsOnlyTheConnectorItsRuntimeDependenciesAndTheirDocumentation() throws IOException {
        Path archive = BuiltArtifacts.componentArchive();
        String base = archive.getFileName().toString().replaceFirst("\\.zip$", "") + "/";
        List<String> unexpected = new ArrayList<>();
        Set<String> libs = new TreeSet<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                String name = entry.getName();
                assertThat(name).startsWith(base);
                String path = name.substring(base.length());
                if (entry.isDirectory()) {
                    continue;
                }
                if (path.startsWith("lib/") && path.endsWith(".jar")) {
                    libs.add(path.substring("lib/".length()));
                } else if (!isDocumentationOrExample(path)) {
                    unexpected.add(path);
                }
            }
        }
        assertThat(unexpected).as("files in the archive that are neither a library nor documentation").isEmpty();
        String connectorJar = connectorJarName();
        assertThat(libs).contains(connectorJar);
        Set<String> dependencies = new TreeSet<>(libs);
        dependencies.remove(connectorJar);
        assertThat(dependencies).as("lib/ holds exactly the runtime dependencies Maven resolves")
                .isEqualTo(runtimeDependencies());
        assertThat(dependencies).allSatisfy(jar -> assertThat(jar).matches(ACCEPTED_DEPENDENCY));
    }

    @Test
    void theConnectorJarHoldsOnlyTheConnector() throws IOException {
        Map<String, byte[]> entries = connectorJarEntries();
        List<String> foreign = entries.keySet().stream()
                .filter(name -> !name.endsWith("/"))
                .filter(name -> !CONNECTOR_CLASS.matcher(name).matches() && !CONNECTOR_RESOURCES.contains(name)
                        && !MAVEN_METADATA.matcher(name).matches())
                .toList();
        assertThat(foreign).as("entries of the connector jar outside the connector's packages").isEmpty();
        assertThat(entries.keySet()).anyMatch(name -> name.endsWith("OntapIscsiSourceConnector.class"));

        for (String forbidden : FORBIDDEN_BYTES) {
            byte[] needle = forbidden.getBytes(StandardCharsets.UTF_8);
            List<String> holders = entries.entrySet().stream()
                    .filter(entry -> indexOf(entry.getValue(), needle) >= 0).map(Map.Entry::getKey).toList();
            assertThat(holders).as("connector classes that mention '%s'", forbidden).isEmpty();
        }
    }

    @Test
    void theSimulatorIsPackagedOnItsOwn() throws IOException {
        Path simulator = Path.of("target", "ontap-simulator.jar");
        assertThat(simulator).exists();
        try (ZipFile zip = new ZipFile(simulator.toFile())) {
            assertThat(zip.getEntry("io/github/ontapkafka/iscsi/simulator/OntapSimulatorMain.class")).isNotNull();
            assertThat(zip.stream().map(ZipEntry::getName))
                    .noneMatch(name -> name.startsWith("io/github/ontapkafka/iscsi/connector/"));
        }
    }

    private static boolean isDocumentationOrExample(String path) {
        return path.equals("manifest.json") || path.equals("doc/README.md") || path.equals("doc/LICENSE")
                || path.matches("doc/avro/[A-Za-z]+\\.avsc") || path.matches("etc/[A-Za-z0-9.-]+\\.(properties|json)");
    }

    private static String connectorJarName() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith("kafka-connect-ontap-iscsi-") && name.endsWith(".jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no connector jar in target/"));
        }
    }

    /** The file names of what Maven resolves as the connector's runtime classpath, written by the build. */
    private static Set<String> runtimeDependencies() throws IOException {
        String classpath = Files.readString(Path.of("target", "runtime-classpath.txt")).trim();
        return Arrays.stream(classpath.split(java.io.File.pathSeparator)).filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The connector jar as the archive holds it, entry by entry. */
    private static Map<String, byte[]> connectorJarEntries() throws IOException {
        Path archive = BuiltArtifacts.componentArchive();
        String jarName = connectorJarName();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            ZipEntry jar = zip.stream().filter(entry -> entry.getName().endsWith("/lib/" + jarName)).findFirst()
                    .orElseThrow();
            byte[] bytes;
            try (InputStream in = zip.getInputStream(jar)) {
                bytes = in.readAllBytes();
            }
            Map<String, byte[]> entries = new HashMap<>();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
            return entries;
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
