package io.github.ontapkafka.iscsi.it;

import io.github.ontapkafka.iscsi.fixtures.ApicurioRegistryProcess;
import io.github.ontapkafka.iscsi.fixtures.ConfluentRegistryApi;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A real Schema Registry ({@link ApicurioRegistryProcess}) for the tests of one class. It starts before the class's
 * first test and stops after the last. Where the distribution was not unpacked, each test of the class is skipped,
 * saying why.
 */
final class ApicurioRegistry implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private static final Logger LOG = LoggerFactory.getLogger(ApicurioRegistry.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final String MISSING = "no registry to test against: " + ApicurioRegistryProcess.MISSING;

    private ApicurioRegistryProcess registry;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Optional<Path> runner = ApicurioRegistryProcess.runnerJar();
        if (runner.isEmpty()) {
            LOG.warn("{}: {}", context.getRequiredTestClass().getSimpleName(), MISSING);
            return;
        }
        ApicurioRegistryProcess started = ApicurioRegistryProcess.launch(runner.get(),
                Path.of("target", "apicurio-registry-" + context.getRequiredTestClass().getSimpleName() + ".log"));
        try {
            started.awaitReady(START_TIMEOUT);
        } catch (RuntimeException | Error e) {
            started.close();
            throw e;
        }
        registry = started;
    }

    /** Skips each test, rather than the class, so that the reports count the skipped tests and say why. */
    @Override
    public void beforeEach(ExtensionContext context) {
        Assumptions.assumeTrue(registry != null, MISSING);
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        if (registry != null) {
            registry.close();
            registry = null;
        }
    }

    /** Apicurio's own REST API, which Apicurio's converter registers schemas through. */
    String apicurioApiUrl() {
        return registry.apicurioApiUrl();
    }

    ConfluentRegistryApi api() {
        return registry.api();
    }
}
