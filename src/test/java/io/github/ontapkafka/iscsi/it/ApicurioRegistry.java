package io.github.ontapkafka.iscsi.it;

import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real Schema Registry for the tests of one class: Apicurio Registry's prebuilt server (in-memory storage),
 * unpacked from Maven Central by {@code mvn verify} before the integration tests and run here as a child JVM on a
 * free loopback port. It starts before the class's first test, with compatibility BACKWARD as a Confluent registry
 * has by default, and stops after the last; a JVM shutdown hook stops it too, should the test JVM end first. Where
 * the distribution was not unpacked, each test of the class is skipped, saying why.
 */
final class ApicurioRegistry implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private static final Logger LOG = LoggerFactory.getLogger(ApicurioRegistry.class);

    /** Where the build unpacks the distribution ({@code apicurio.registry.dir} in pom.xml). */
    private static final Path DISTRIBUTION =
            Path.of(System.getProperty("apicurio.registry.dir", "target/apicurio-registry"));
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final String MISSING = "no Apicurio Registry distribution in " + DISTRIBUTION + ", so no registry "
            + "to test against: `mvn verify` unpacks it from Maven Central (io.apicurio:apicurio-registry-app, "
            + "classifier all, type zip) before the integration tests, unless -Dapicurio.registry.skip=true";

    private ChildJvm process;
    private String url;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Optional<Path> runner = runnerJar();
        if (runner.isEmpty()) {
            LOG.warn("{}: {}", context.getRequiredTestClass().getSimpleName(), MISSING);
            return;
        }
        int port = ChildJvm.freePort();
        url = "http://127.0.0.1:" + port;
        process = ChildJvm.launch(Path.of("target", "apicurio-registry-" + context.getRequiredTestClass().getSimpleName()
                + ".log"), "-Xmx384m", "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port, "-jar",
                runner.get().toString());
        try {
            awaitReady();
            api().setCompatibility("BACKWARD");
        } catch (RuntimeException | Error e) {
            stop();
            throw e;
        }
    }

    /** Skips each test, rather than the class, so that the reports count the skipped tests and say why. */
    @Override
    public void beforeEach(ExtensionContext context) {
        Assumptions.assumeTrue(process != null, MISSING);
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        stop();
    }

    private void stop() throws InterruptedException {
        if (process != null) {
            process.close();
            process = null;
        }
    }

    /** Apicurio's own REST API, which Apicurio's converter registers schemas through. */
    String apicurioApiUrl() {
        return url + "/apis/registry/v2";
    }

    ConfluentRegistryApi api() {
        return new ConfluentRegistryApi(url);
    }

    private static Optional<Path> runnerJar() throws IOException {
        if (!Files.isDirectory(DISTRIBUTION)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(DISTRIBUTION)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-runner.jar")).findFirst();
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url + "/health/ready")).build();
        Awaitility.await("Apicurio Registry ready at " + url).atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(ConnectException.class)
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Apicurio Registry exited with status " + process.exitValue()
                                + "; its output is in " + process.log().toAbsolutePath());
                    }
                    return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                });
    }
}
