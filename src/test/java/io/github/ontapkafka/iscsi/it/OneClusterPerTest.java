package io.github.ontapkafka.iscsi.it;

import io.github.ontapkafka.iscsi.simulator.OntapSimulatorServer;
import io.github.ontapkafka.iscsi.simulator.SimulatedCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Integration tests that share one Connect cluster per class and give each test a simulated cluster of its own, on a
 * simulator of its own, and a connector named after the test; whatever a test opens is closed after it.
 */
abstract class OneClusterPerTest {

    protected static ConnectHarness harness;

    protected final List<AutoCloseable> cleanup = new ArrayList<>();
    protected String name;
    protected SimulatedCluster cluster;
    protected OntapSimulatorServer simulator;

    @BeforeAll
    static void startConnect(TestInfo testClass) {
        harness = ConnectHarness.start(testClass.getTestClass().orElseThrow().getSimpleName().toLowerCase(), 1,
                Map.of());
    }

    @AfterAll
    static void stopConnect() {
        harness.close();
    }

    @BeforeEach
    void startSimulator(TestInfo test) {
        name = test.getTestMethod().orElseThrow().getName().toLowerCase() + "-" + test.getDisplayName().hashCode();
        cluster = SimulatedCluster.named("cluster-" + name);
        simulator = OntapSimulatorServer.builder().credentials(ConnectHarness.USERNAME, ConnectHarness.PASSWORD).build()
                .mount("c1", cluster).start();
        cleanup.add(simulator);
    }

    /** The session events of this test's connector, whose topic is named after it. */
    protected EventLog events() {
        EventLog log = harness.events(name);
        cleanup.add(log);
        return log;
    }

    /** The health records of this test's connector, on the topic {@code <name>-health}. */
    protected HealthLog health() {
        HealthLog log = new HealthLog(harness.connect.kafka(), name + "-health");
        cleanup.add(log);
        return log;
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (harness.connect.connectors().contains(name)) {
            harness.connect.deleteConnector(name);
        }
        for (AutoCloseable closeable : cleanup) {
            closeable.close();
        }
    }
}
