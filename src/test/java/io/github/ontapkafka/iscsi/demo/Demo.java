package io.github.ontapkafka.iscsi.demo;

import io.github.ontapkafka.iscsi.fixtures.ApicurioAvroWorker;
import io.github.ontapkafka.iscsi.fixtures.ApicurioRegistryProcess;
import io.github.ontapkafka.iscsi.fixtures.ConfluentWireDecoder;
import io.github.ontapkafka.iscsi.fixtures.InProcessConnect;
import io.github.ontapkafka.iscsi.simulator.OntapSimulatorServer;
import io.github.ontapkafka.iscsi.simulator.RunningSimulator;
import io.github.ontapkafka.iscsi.simulator.SimulatedCluster;
import io.github.ontapkafka.iscsi.simulator.SimulatorOptions;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Everything the demo runs, started in an order that overlaps the slow parts: the schema registry (a child JVM,
 * the slowest) first and in the background, then the broker and Connect worker in-process, the ONTAP simulator and
 * its workload (or nothing, against a real cluster), the connector; then the console view of its events. Every part
 * listens on a free loopback port, so that the demo never collides with a Kafka already running here.
 */
final class Demo {

    static final Path KAFKA_LOG = Path.of("target", "demo.log");
    static final Path REGISTRY_LOG = Path.of("target", "demo-registry.log");
    private static final Duration REGISTRY_START_TIMEOUT = Duration.ofMinutes(3);
    /**
     * How long stopping waits for a start in progress. Waiting steps end as soon as stopping begins (the registry's
     * process is gone, the connector's deployment gives up), so this bounds the broker's and worker's start.
     */
    private static final Duration START_WAIT = Duration.ofSeconds(60);
    /** The account the simulator accepts; its password is made up for each run. */
    private static final String SIMULATOR_USER = "kafka-monitor";

    private final DemoOptions options;
    private final OntapLogin login;
    private final PrintStream out;
    private final Palette palette;
    private final Progress progress;
    private final Teardown teardown = new Teardown();
    /** Kafka's test harness deletes its temporary directories in shutdown hooks; the demo runs them itself. */
    private final List<Runnable> kafkaCleanup = new CopyOnWriteArrayList<>();
    private final CountDownLatch startReturned = new CountDownLatch(1);
    private volatile boolean startCalled;
    private Endpoints endpoints;
    private ConsoleView view;

    /** Where the parts listen, as printed at start. */
    record Endpoints(String kafka, String connectRest, String schemaRegistry, List<String> ontapClusters) {
    }

    /** @param login how to log in to real clusters; null for the simulator, which gets an account of its own */
    Demo(DemoOptions options, OntapLogin login, PrintStream out, Palette palette) {
        this.options = options;
        this.login = options.simulated() ? OntapLogin.basic(SIMULATOR_USER, UUID.randomUUID().toString(), null) : login;
        this.out = out;
        this.palette = palette;
        this.progress = new Progress(out, palette);
    }

    /**
     * Starts every part and the connector. A problem the user can act on (a cluster that rejects the credentials, a
     * registry that does not start) is a {@link DemoFailure}; anything else is a bug.
     */
    void start() throws Exception {
        startCalled = true;
        // A JVM shutdown hook of Kafka's own would delete the broker's files while Ctrl-C's hook is still stopping
        // the broker: the broker then fails, and whatever it writes meanwhile stays behind. Collected here instead,
        // they run once the broker is down (see stop()).
        Exit.setShutdownHookAdder((name, hook) -> kafkaCleanup.add(hook));
        try {
            startParts();
        } finally {
            startReturned.countDown();
        }
    }

    private void startParts() throws Exception {
        progress.title("ONTAP iSCSI session demo: everything runs on this machine. Ctrl-C stops it all.");
        ApicurioRegistryProcess registry = launchRegistry();
        EmbeddedConnectCluster connect = progress.step("Kafka broker (KRaft) and Connect worker, in-process",
                () -> startConnect(registry));
        progress.detail("Kafka", connect.kafka().bootstrapServers());
        progress.detail("Connect REST", restUrl(connect));
        RunningSimulator simulator = options.simulated() ? startSimulator() : null;
        List<String> clusterUrls = simulator == null ? options.ontapUrls()
                : simulator.clusters().stream().map(simulator.server()::baseUrl).toList();
        Map<String, String> connectorConfig = ConnectorDeployment.config(options, clusterUrls, login);
        if (!options.simulated()) {
            progress.step("Checking the clusters through Connect's validate endpoint", () -> {
                ConnectorDeployment.validate(connect, connectorConfig);
                return null;
            });
        }
        progress.step("Schema registry", () -> awaitRegistry(registry));
        progress.detail("Schema registry", registry.confluentApiUrl());
        progress.step("Connector " + ConnectorDeployment.NAME + ", writing Avro, polling every "
                + options.pollSeconds() + " s", () -> {
            ConnectorDeployment.deploy(connect, connectorConfig, teardown::isStopping);
            return null;
        });
        if (simulator != null) {
            // Only now, so that the first poll finds the clusters as populated and every change makes an event.
            teardown.add("simulated workload", PacedChurn.start(simulator, PacedChurn.HUMAN));
        }
        progress.detail("Topics", ConnectorDeployment.TOPIC + " (session events), "
                + ConnectorDeployment.HEALTH_TOPIC + " (each cluster's health)"
                + (options.ems() ? ", " + ConnectorDeployment.EMS_TOPIC + " (failed and refused logins)" : ""));
        progress.detail("Logs", KAFKA_LOG + " (Kafka, Connect, connector), " + REGISTRY_LOG + " (registry)");
        progress.blank();
        endpoints = new Endpoints(connect.kafka().bootstrapServers(), restUrl(connect), registry.confluentApiUrl(),
                clusterUrls);
        view = consoleView(connect.kafka().bootstrapServers(), new ConfluentWireDecoder(registry.api()));
        teardown.add("console view", view);
    }

    /**
     * The view of every topic the connector writes: the session events, health and, when read, the EMS records;
     * with {@code --siem}, the events and EMS records in the SIEM form the plugin's transform makes of them.
     */
    private ConsoleView consoleView(String bootstrapServers, ConfluentWireDecoder decoder) {
        EventLine events = new EventLine(palette, ZoneId.systemDefault());
        SiemLine siem = options.siem() == null ? null : SiemLine.of(options.siem());
        Map<String, Function<GenericRecord, String>> lineByTopic = new HashMap<>(Map.of(
                ConnectorDeployment.TOPIC, siem != null ? siem::format : events::format,
                ConnectorDeployment.HEALTH_TOPIC, events::health));
        List<String> legend = List.of();
        if (options.ems()) {
            lineByTopic.put(ConnectorDeployment.EMS_TOPIC, siem != null ? siem::format
                    : new EmsLine(palette, ZoneId.systemDefault())::format);
            legend = List.of(EmsLine.LEGEND);
        }
        return new ConsoleView(bootstrapServers, events.header(legend), lineByTopic, decoder, out);
    }

    Endpoints endpoints() {
        return endpoints;
    }

    /** Shows the events as they arrive, until {@link #stop()}. */
    void showEvents() {
        view.run();
    }

    boolean isStopping() {
        return teardown.isStopping();
    }

    /**
     * Stops every part that started, the console view first and the registry last. A part still starting (Ctrl-C in
     * the middle of the start) is stopped as soon as it is up, so this waits for {@link #start()} to return before
     * Kafka's temporary files go.
     */
    void stop() {
        teardown.stopAll();
        try {
            if (startCalled && !startReturned.await(START_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                out.println("Still starting after " + START_WAIT.toSeconds() + " s; Kafka's files may remain in "
                        + System.getProperty("java.io.tmpdir"));
                return;
            }
            kafkaCleanup.forEach(Runnable::run);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Exit.resetShutdownHookAdder();
        }
    }

    private ApicurioRegistryProcess launchRegistry() throws IOException, DemoFailure {
        Path runner = ApicurioRegistryProcess.runnerJar().orElseThrow(() -> new DemoFailure(
                "No schema registry to run: " + ApicurioRegistryProcess.MISSING + ". ./demo unpacks it."));
        ApicurioRegistryProcess registry = ApicurioRegistryProcess.launch(runner, REGISTRY_LOG);
        teardown.add("schema registry", registry);
        out.println("  Schema registry (Apicurio Registry, child JVM) ... starting in the background");
        return registry;
    }

    /** The worker's Avro converters need the registry only once the connector's task runs, so it may still start. */
    private EmbeddedConnectCluster startConnect(ApicurioRegistryProcess registry) throws IOException {
        Map<String, String> avro = ApicurioAvroWorker.converterSettings(registry.apicurioApiUrl());
        // Kafka's storage formatter reports on System.out, which is the console the demo draws on.
        PrintStream console = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        EmbeddedConnectCluster connect;
        try {
            connect = InProcessConnect.start("ontap-iscsi-demo", 1, avro);
        } finally {
            System.setOut(console);
        }
        teardown.add("Kafka broker and Connect worker", connect::stop);
        return connect;
    }

    private RunningSimulator startSimulator() throws Exception {
        RunningSimulator simulator = progress.step("ONTAP simulator, " + options.clusters() + " clusters x "
                + options.sessions() + " sessions", () -> {
            RunningSimulator started = RunningSimulator.launch(new SimulatorOptions(0, "127.0.0.1",
                    options.clusters(), options.sessions(), 0, login.username(), login.password(), 0, 1,
                    SimulatedCluster.DEFAULT_VERSION, null, ""));
            teardown.add("ONTAP simulator", started);
            return started;
        });
        OntapSimulatorServer server = simulator.server();
        for (SimulatedCluster cluster : simulator.clusters()) {
            progress.detail(cluster.name(), server.baseUrl(cluster));
        }
        progress.detail("Simulator admin", server.adminUrl() + "/clusters");
        progress.detail("Workload", "a change every 1-3 s once the connector runs: logins, logouts, connections, "
                + "TSIH reuse; now and then a refused login (the first after "
                + PacedChurn.HUMAN.earlyRefusedLogin().toSeconds() + " s)");
        return simulator;
    }

    private Void awaitRegistry(ApicurioRegistryProcess registry) throws DemoFailure {
        try {
            registry.awaitReady(REGISTRY_START_TIMEOUT);
            return null;
        } catch (RuntimeException e) {
            throw new DemoFailure("The schema registry did not start: " + e.getMessage() + "\nIts output is in "
                    + registry.log());
        }
    }

    private static String restUrl(EmbeddedConnectCluster connect) {
        return connect.workers().iterator().next().url().toString();
    }
}
