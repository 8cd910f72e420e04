package io.github.ontapkafka.iscsi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ontapkafka.iscsi.config.OntapSourceConfig;
import io.github.ontapkafka.iscsi.it.ConnectHarness;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.connect.runtime.WorkerConfig;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The connector at scale, end to end: a real Connect worker and broker in this JVM (Kafka's test harness), one
 * connector with {@code tasks.max=1} polling simulated clusters that run in a separate JVM ({@link ScaleSimulator}),
 * so that this process's CPU time is the worker's (plus the in-process broker's and the measuring consumer's).
 *
 * <p>After the warm-up cycles it measures, over {@code bench.cycles} poll intervals: process CPU time per poll
 * cycle (and which threads spent it), the delay from each change in the simulator to its record's append time in
 * Kafka (matched by key), the heap after GC, and what the clusters served: requests per poll per cluster and bytes
 * per session. Settings are system properties: {@code bench.clusters} (200), {@code bench.sessions} (2000),
 * {@code bench.pollSeconds} (10), {@code bench.churn} (0.01 per poll), {@code bench.warmupCycles} (3),
 * {@code bench.cycles} (10). Prints one Markdown table row per number.
 */
public final class ScaleBenchmark {

    private static final String TOPIC = "ontap.iscsi.sessions.scale";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int clusters = Integer.getInteger("bench.clusters", 200);
    private final int sessions = Integer.getInteger("bench.sessions", 2000);
    private final long intervalMillis = Long.getLong("bench.pollSeconds", 10) * 1000;
    private final double churn = Double.parseDouble(System.getProperty("bench.churn", "0.01"));
    private final int warmupCycles = Integer.getInteger("bench.warmupCycles", 3);
    private final int cycles = Integer.getInteger("bench.cycles", 10);
    /** The production default, a heartbeat a minute per cluster; 0 switches heartbeats off, "" the health topic. */
    private final String heartbeatMillis = System.getProperty("bench.heartbeatMs", "60000");
    private final String healthTopic = System.getProperty("bench.healthTopic", "ontap.iscsi.health");
    /** Append times of the records of each session key, as "cluster svm tpg tsih". */
    private final Map<String, List<long[]>> recordsByKey = new ConcurrentHashMap<>();
    private final List<String> unparsable = new CopyOnWriteArrayList<>();

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        new ScaleBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path changeLog = Files.createTempFile("ontap-scale-changes", ".log");
        Process simulator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx3g", "-cp", System.getProperty("java.class.path"), ScaleSimulator.class.getName(),
                String.valueOf(clusters), String.valueOf(sessions), String.valueOf(intervalMillis),
                String.valueOf(churn), changeLog.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader fromSimulator = new BufferedReader(
                new InputStreamReader(simulator.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter toSimulator = new PrintWriter(simulator.getOutputStream(), true, StandardCharsets.UTF_8);
        try (ConnectHarness harness = ConnectHarness.start("scale-bench", 1,
                Map.of(WorkerConfig.OFFSET_COMMIT_INTERVAL_MS_CONFIG, "60000"))) {
            int port = Integer.parseInt(awaitLine(fromSimulator, "READY ").split(" ")[1]);
            harness.connect.kafka().createTopic(TOPIC, 1, 1, Map.of("message.timestamp.type", "LogAppendTime"));
            harness.deploy("ontap-scale", connectorConfig(port), 1);
            AtomicBoolean consuming = new AtomicBoolean(true);
            Thread consumer = new Thread(() -> consume(harness, consuming), "scale-consumer");
            consumer.start();

            Thread.sleep(warmupCycles * intervalMillis);
            toSimulator.println("reset");
            CpuSample start = CpuSample.now();
            Thread.sleep(cycles * intervalMillis);
            CpuSample end = CpuSample.now();
            toSimulator.println("stats");
            String[] stats = awaitLine(fromSimulator, "STATS ").split(" ");
            // Changes near the end of the window show up at the next poll: keep consuming for a while.
            Thread.sleep(intervalMillis + 5_000);
            consuming.set(false);
            consumer.join();

            double windowSeconds = (end.wallNanos - start.wallNanos) / 1e9;
            double polls = windowSeconds * 1000 / intervalMillis;
            double cpuSeconds = (end.processCpuNanos - start.processCpuNanos) / 1e9;
            print("clusters", clusters);
            print("sessions per cluster", sessions);
            print("poll interval s", intervalMillis / 1000.0);
            System.out.printf("| health records | %s |%n", healthTopic.isEmpty() ? "off"
                    : "on, heartbeat every " + heartbeatMillis + " ms");
            print("measured window s", windowSeconds);
            print("process CPU s per poll cycle", cpuSeconds / polls);
            print("process CPU cores on average", cpuSeconds / windowSeconds);
            Map<String, Long> byThreads = end.threadCpuSince(start);
            byThreads.forEach((group, nanos) ->
                    print("CPU cores on average, threads " + group, nanos / 1e9 / windowSeconds));
            long javaThreads = byThreads.values().stream().mapToLong(Long::longValue).sum();
            print("CPU cores on average, JVM-internal threads (GC, JIT) and threads ended meanwhile",
                    (end.processCpuNanos - start.processCpuNanos - javaThreads) / 1e9 / windowSeconds);
            delays(changeLog, start.wallMillis, end.wallMillis);
            print("heap after GC MiB (worker, broker, consumer)", Heap.usedAfterGc() / 1048576.0);
            print("ONTAP requests per poll per cluster", Long.parseLong(stats[1]) / polls / clusters);
            print("ONTAP bytes served per session per poll", Long.parseLong(stats[2]) / polls / clusters / sessions);
            harness.connect.deleteConnector("ontap-scale");
        } finally {
            toSimulator.println("quit");
            simulator.waitFor();
            Files.deleteIfExists(changeLog);
        }
    }

    private Map<String, String> connectorConfig(int port) {
        List<String> urls = new ArrayList<>();
        for (int i = 1; i <= clusters; i++) {
            urls.add("http://127.0.0.1:" + port + "/clusters/c" + i);
        }
        Map<String, String> config = new HashMap<>(ConnectHarness.connectorConfig(TOPIC, urls));
        config.put(OntapSourceConfig.USERNAME, ScaleSimulator.USER);
        config.put(OntapSourceConfig.PASSWORD, ScaleSimulator.PASSWORD);
        config.put(OntapSourceConfig.POLL_INTERVAL_MS, String.valueOf(intervalMillis));
        // No snapshot of the 400,000 sessions present at start: the benchmark is about the steady state.
        config.put(OntapSourceConfig.SNAPSHOT_MODE, "never");
        config.put(OntapSourceConfig.HEALTH_TOPIC, healthTopic);
        config.put(OntapSourceConfig.HEARTBEAT_INTERVAL_MS, heartbeatMillis);
        for (String production : List.of(OntapSourceConfig.REQUEST_RETRIES, OntapSourceConfig.REQUEST_RETRY_BACKOFF_MS,
                OntapSourceConfig.RETRY_BACKOFF_MS, OntapSourceConfig.RETRY_BACKOFF_MAX_MS,
                OntapSourceConfig.READ_TIMEOUT_MS)) {
            config.remove(production);
        }
        return config;
    }

    private void consume(ConnectHarness harness, AtomicBoolean consuming) {
        try (KafkaConsumer<byte[], byte[]> consumer = harness.connect.kafka().createConsumerAndSubscribeTo(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "scale-bench", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                TOPIC)) {
            while (consuming.get()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        JsonNode key = JSON.readTree(record.key());
                        JsonNode value = JSON.readTree(record.value());
                        recordsByKey.computeIfAbsent(key.get("cluster_uuid").asText() + " "
                                        + key.get("svm_uuid").asText() + " " + key.get("target_portal_group").asText()
                                        + " " + key.get("tsih").asInt(), ignored -> new CopyOnWriteArrayList<>())
                                .add(new long[]{value.get("observed_at").asLong(), record.timestamp()});
                    } catch (IOException e) {
                        unparsable.add(e.getMessage());
                    }
                }
            }
        }
    }

    /**
     * Matches each change made in the window with the first record of its key from a poll that ended after it; a
     * change undone before the next poll (a connection added and dropped again) makes no record and is counted apart.
     */
    private void delays(Path changeLog, long from, long to) throws IOException {
        List<Long> delays = new ArrayList<>();
        int unmatched = 0;
        for (String line : Files.readAllLines(changeLog, StandardCharsets.UTF_8)) {
            int split = line.lastIndexOf(' ');
            // The simulator is still writing: its last line may be cut short, and lies after the window anyway.
            long changedAt = line.split(" ").length == 5 ? Long.parseLong(line.substring(split + 1)) : 0;
            if (changedAt < from || changedAt > to) {
                continue;
            }
            long appendedAt = recordsByKey.getOrDefault(line.substring(0, split), List.of()).stream()
                    .filter(record -> record[0] >= changedAt).mapToLong(record -> record[1]).min().orElse(-1);
            if (appendedAt < 0) {
                unmatched++;
            } else {
                delays.add(appendedAt - changedAt);
            }
        }
        delays.sort(null);
        print("changes in the window matched to a record", delays.size());
        print("changes in the window without a record (undone before a poll)", unmatched);
        print("unparsable records", unparsable.size());
        if (!delays.isEmpty()) {
            print("change to record delay p50 s", delays.get(delays.size() / 2) / 1000.0);
            print("change to record delay p99 s", delays.get((int) Math.min(delays.size() - 1, delays.size() * 0.99)) / 1000.0);
            print("change to record delay max s", delays.get(delays.size() - 1) / 1000.0);
        }
    }

    private static String awaitLine(BufferedReader in, String prefix) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IOException("the simulator ended without printing " + prefix.trim());
    }

    private static void print(String name, double value) {
        System.out.printf("| %s | %s |%n", name, value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.valueOf((long) value) : String.format("%.3f", value));
    }

    /** Process and per-thread CPU time at one moment. */
    private record CpuSample(long wallNanos, long wallMillis, long processCpuNanos, Map<Long, String> names,
                             Map<Long, Long> threadCpu) {

        static CpuSample now() {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Map<Long, String> names = new HashMap<>();
            Map<Long, Long> cpu = new HashMap<>();
            for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null) {
                    names.put(info.getThreadId(), info.getThreadName());
                    cpu.put(info.getThreadId(), threads.getThreadCpuTime(info.getThreadId()));
                }
            }
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return new CpuSample(System.nanoTime(), System.currentTimeMillis(), os.getProcessCpuTime(), names, cpu);
        }

        /** CPU nanoseconds since {@code start} by thread group: the connector's own threads, and the rest. */
        Map<String, Long> threadCpuSince(CpuSample start) {
            Map<String, Long> byGroup = new TreeMap<>();
            threadCpu.forEach((id, nanos) -> byGroup.merge(group(names.get(id)),
                    nanos - start.threadCpu.getOrDefault(id, 0L), Long::sum));
            return byGroup;
        }

        private static String group(String name) {
            if (name.startsWith("task-thread-ontap-scale")) {
                return "connector task (diff, records)";
            }
            if (name.startsWith("ontap-iscsi-fetch-") || name.startsWith("OkHttp")) {
                return "connector fetch (HTTP, scan)";
            }
            return "worker, broker and consumer";
        }
    }
}
