package io.github.ontapkafka.iscsi.bench;

import com.fasterxml.jackson.core.JsonFactory;
import io.github.ontapkafka.iscsi.tracking.SnapshotMode;
import io.github.ontapkafka.iscsi.ontap.SessionPageParser;
import io.github.ontapkafka.iscsi.ontap.SessionScope;
import io.github.ontapkafka.iscsi.tracking.ClusterState;
import io.github.ontapkafka.iscsi.tracking.FirstSeenSpread;
import org.apache.kafka.connect.source.SourceRecord;
import org.openjdk.jol.info.GraphLayout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Memory and offset sizes, each measured on payloads from the simulator. Run in a JVM of its own (bench/run does):
 * <ul>
 *   <li>retained heap per tracked session with 200,000 sessions tracked, after GC (heap in use before and after,
 *       GC repeated until stable) and as JOL counts the state's object graph;</li>
 *   <li>the serialised offset the worker writes for clusters of 20,000 and 50,000 sessions, and the state it holds
 *       when every session's first-seen time is a different one;</li>
 *   <li>the heap reachable from the offsets of every record of a first snapshot still in flight.</li>
 * </ul>
 * Prints one Markdown table row per number.
 */
public final class MemoryProbe {

    private MemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        int tracked = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        retainedPerSession(tracked);
        for (int sessions : new int[]{20_000, 50_000}) {
            offsetSize(sessions);
        }
        for (Duration interval : List.of(Duration.ofSeconds(10), Duration.ofMinutes(1))) {
            double kib = FirstSeenSpread.encodedState(20_000, interval).length() / 1024.0;
            print("offset sessions field KiB, 20000 sessions each first seen at its own poll, polls "
                    + interval.toSeconds() + " s apart (worst case)", kib);
        }
        for (int sessions : new int[]{5_000, 20_000}) {
            inFlightOffsets(sessions);
        }
    }

    private static void retainedPerSession(int sessions) throws Exception {
        List<byte[]> pages;
        try (SimulatedPages simulated = new SimulatedPages(sessions)) {
            pages = simulated.pages();
        }
        SessionPageParser parser = new SessionPageParser(new JsonFactory());
        long before = Heap.usedAfterGc();
        ClusterState state = ClusterState.fresh();
        state.poll(TaskPollCycle.scan(parser, pages), Instant.now(), SnapshotMode.NEVER, SessionScope.ALL);
        long after = Heap.usedAfterGc();
        GraphLayout layout = GraphLayout.parseInstance(state);
        long graph = layout.totalSize();
        if (Boolean.getBoolean("bench.footprint")) {
            System.out.println(layout.toFootprint());
        }
        print("tracked sessions", state.sessionCount());
        print("retained bytes per tracked session (heap after GC)", (after - before) / (double) sessions);
        print("retained bytes per tracked session (JOL object graph)", graph / (double) sessions);
        pages.clear();
    }

    private static void offsetSize(int sessions) throws Exception {
        FirstSnapshot snapshot = FirstSnapshot.of(sessions);
        byte[] offset = snapshot.task.committedOffsetBytes(snapshot.records.get(snapshot.records.size() - 1));
        print("serialised offset bytes, " + sessions + " sessions", offset.length);
        print("serialised offset KiB, " + sessions + " sessions", offset.length / 1024.0);
    }

    private static void inFlightOffsets(int sessions) throws Exception {
        FirstSnapshot snapshot = FirstSnapshot.of(sessions);
        Object[] offsets = snapshot.records.stream().map(SourceRecord::sourceOffset).toArray();
        // The worker validates and serialises the offset it commits: that leaves one encoding cached per batch.
        snapshot.task.committedOffsetBytes(snapshot.records.get(snapshot.records.size() - 1));
        long bytes = GraphLayout.parseInstance(offsets).totalSize()
                - GraphLayout.parseInstance((Object) new Object[offsets.length]).totalSize();
        String what = "in-flight offsets of a " + sessions + "-session first snapshot: ";
        print(what + "records", snapshot.records.size());
        print(what + "heap KiB", bytes / 1024.0);
        print(what + "bytes per record", bytes / (double) snapshot.records.size());
    }

    /** The records of the first poll of a cluster of simulated sessions, with snapshot.mode=initial. */
    private record FirstSnapshot(TaskPollCycle task, List<SourceRecord> records) {
        static FirstSnapshot of(int sessions) throws Exception {
            List<byte[]> pages;
            try (SimulatedPages simulated = new SimulatedPages(sessions)) {
                pages = simulated.pages();
            }
            TaskPollCycle task = new TaskPollCycle();
            return new FirstSnapshot(task, task.poll(pages));
        }
    }

    private static void print(String name, double value) {
        System.out.printf("| %s | %s |%n", name, value == Math.rint(value) ? String.valueOf((long) value)
                : String.format("%.1f", value));
    }
}
