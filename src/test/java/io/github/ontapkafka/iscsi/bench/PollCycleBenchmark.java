package io.github.ontapkafka.iscsi.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.github.ontapkafka.iscsi.ontap.MalformedResponseException;
import io.github.ontapkafka.iscsi.ontap.OntapException;
import io.github.ontapkafka.iscsi.ontap.SessionPageParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cost of one poll of a 20,000-session cluster (40 pages of 500), against the floor of merely tokenising ONTAP's
 * answer. All three run in one JMH run so that their ratio is measured under the same conditions.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class PollCycleBenchmark {

    static final int SESSIONS = 20_000;

    /** The pages of the cluster as first polled. */
    @State(Scope.Benchmark)
    public static class Pages {
        final JsonFactory json = new JsonFactory();
        final SessionPageParser parser = new SessionPageParser(json);
        List<byte[]> pages;

        @Setup(Level.Trial)
        public void capture() {
            try (SimulatedPages simulated = new SimulatedPages(SESSIONS)) {
                pages = simulated.pages();
            }
        }
    }

    /**
     * A cluster that alternates between two states {@code churnPercent} % of random changes apart, so that every
     * measured poll finds the same amount of change against the state the previous poll left.
     */
    @State(Scope.Benchmark)
    public static class Cycle {
        @Param({"0", "1", "10"})
        public double churnPercent;
        List<byte[]> before;
        List<byte[]> after;
        TaskPollCycle task;
        boolean nextIsAfter = true;

        @Setup(Level.Trial)
        public void prepare() throws MalformedResponseException, OntapException {
            try (SimulatedPages simulated = new SimulatedPages(SESSIONS)) {
                before = simulated.pages();
                simulated.churn(churnPercent / 100);
                after = simulated.pages();
            }
            task = new TaskPollCycle();
            task.poll(before);
        }

        List<byte[]> nextPages() {
            List<byte[]> pages = nextIsAfter ? after : before;
            nextIsAfter = !nextIsAfter;
            return pages;
        }
    }

    /** The floor: a bare streaming token walk over every page, what any reader of the answer pays. */
    @Benchmark
    public int floor(Pages pages) throws IOException {
        int tokens = 0;
        for (byte[] page : pages.pages) {
            try (JsonParser p = pages.json.createParser(page)) {
                while (p.nextToken() != null) {
                    tokens++;
                }
            }
        }
        return tokens;
    }

    /** What the fetch thread does with the pages: check their JSON, locate and fingerprint every record. */
    @Benchmark
    public Object scan(Pages pages) throws MalformedResponseException {
        return TaskPollCycle.scan(pages.parser, pages.pages);
    }

    /** Every page parsed into the session model: scanned, then every record read, as on a first poll. */
    @Benchmark
    public Object parse(Pages pages) throws MalformedResponseException, OntapException {
        return TaskPollCycle.scan(pages.parser, pages.pages).toMap();
    }

    /** A whole poll cycle: parse, diff and state update, records, and the committed offset serialised. */
    @Benchmark
    public Object cycle(Cycle cycle) throws MalformedResponseException, OntapException {
        return cycle.task.poll(cycle.nextPages());
    }
}
