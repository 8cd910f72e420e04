package io.github.ontapkafka.iscsi.bench;

import io.github.ontapkafka.iscsi.ontap.SessionScope;
import com.fasterxml.jackson.core.JsonFactory;
import io.github.ontapkafka.iscsi.event.EventRecords;
import io.github.ontapkafka.iscsi.model.ClusterIdentity;
import io.github.ontapkafka.iscsi.ontap.ClusterUrl;
import io.github.ontapkafka.iscsi.ontap.MalformedResponseException;
import io.github.ontapkafka.iscsi.ontap.OntapException;
import io.github.ontapkafka.iscsi.ontap.SessionListing;
import io.github.ontapkafka.iscsi.ontap.SessionPage;
import io.github.ontapkafka.iscsi.ontap.SessionPageParser;
import io.github.ontapkafka.iscsi.ontap.SessionScope;
import io.github.ontapkafka.iscsi.tracking.ChangeBatch;
import io.github.ontapkafka.iscsi.tracking.ClusterState;
import io.github.ontapkafka.iscsi.tracking.OffsetFormat;
import io.github.ontapkafka.iscsi.tracking.SnapshotMode;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.OffsetUtils;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One poll cycle of one cluster as the task and the worker do it: parse the pages, diff against the previous state
 * and update it, build the records, and serialise the offset the worker commits (the batch's last record's) the way
 * the worker's offset writer does.
 */
final class TaskPollCycle {

    static final ClusterUrl URL = ClusterUrl.parse("https://bench-cluster.example.com");
    private static final ClusterIdentity CLUSTER = new ClusterIdentity("3f1b6a52-9d0e-11ee-8c90-0242ac120002", "bench");

    private final SessionPageParser parser = new SessionPageParser(new JsonFactory());
    private final EventRecords eventRecords = new EventRecords("ontap.iscsi.sessions");
    private final Map<String, Object> partition = OffsetFormat.partition(CLUSTER.uuid());
    private final JsonConverter offsetConverter = new JsonConverter();
    private final ClusterState state = ClusterState.fresh();
    private long clock = 1_700_000_000_000L;

    TaskPollCycle() {
        offsetConverter.configure(Map.of("schemas.enable", "false", "converter.type", "value"), false);
    }

    /** The pages scanned as the ONTAP client scans them on the fetch thread. */
    static SessionListing scan(SessionPageParser parser, List<byte[]> pages) throws MalformedResponseException {
        List<SessionPage> scanned = new ArrayList<>(pages.size());
        for (byte[] page : pages) {
            scanned.add(parser.scan(page));
        }
        return new SessionListing(URL, SessionScope.ALL, parser, scanned);
    }

    /** Runs one cycle; returns the records it emitted. */
    List<SourceRecord> poll(List<byte[]> pages) throws MalformedResponseException, OntapException {
        SessionListing live = scan(parser, pages);
        clock += 10_000;
        ChangeBatch batch = state.poll(live, Instant.ofEpochMilli(clock), SnapshotMode.INITIAL, SessionScope.ALL);
        List<SourceRecord> records = eventRecords.of(CLUSTER, partition, batch);
        if (!records.isEmpty()) {
            committedOffsetBytes(records.get(records.size() - 1));
        }
        return records;
    }

    /** What the worker's offset writer does with the offset it commits. */
    byte[] committedOffsetBytes(SourceRecord record) {
        Map<String, ?> offset = record.sourceOffset();
        OffsetUtils.validateFormat(offset);
        return offsetConverter.fromConnectData("ontap-iscsi", null, offset);
    }
}
