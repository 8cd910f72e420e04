package io.github.ontapkafka.iscsi.event;

import io.github.ontapkafka.iscsi.model.ClusterIdentity;
import io.github.ontapkafka.iscsi.model.EmsEvent;
import io.github.ontapkafka.iscsi.model.EmsParameter;
import io.github.ontapkafka.iscsi.tracking.EmsCursor;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Turns the EMS events of one read of a cluster into records, in the order read. Each record's offset is the
 * cluster's EMS cursor after it, so that a restart resumes after the last event committed.
 */
public final class EmsRecords {

    private final String topic;

    public EmsRecords(String topic) {
        this.topic = topic;
    }

    /** The records of {@code events}, read from {@code cluster} after {@code cursor}. */
    public List<SourceRecord> of(ClusterIdentity cluster, EmsCursor cursor, List<EmsEvent> events, Instant observedAt) {
        Map<String, Object> partition = EmsCursor.partition(cluster.uuid());
        List<SourceRecord> records = new ArrayList<>(events.size());
        EmsCursor position = cursor;
        for (EmsEvent event : events) {
            position = position.after(event);
            Struct key = new Struct(EmsSchemas.KEY).put("cluster_uuid", cluster.uuid())
                    .put("node_uuid", event.nodeUuid()).put("index", event.index());
            long timestamp = event.time() == null ? observedAt.toEpochMilli() : event.time().toEpochMilli();
            records.add(new SourceRecord(partition, position.offset(), topic, null, EmsSchemas.KEY, key,
                    EmsSchemas.VALUE, value(cluster, event, observedAt), timestamp));
        }
        return records;
    }

    private static Struct value(ClusterIdentity cluster, EmsEvent event, Instant observedAt) {
        List<Struct> parameters = new ArrayList<>(event.parameters().size());
        for (EmsParameter parameter : event.parameters()) {
            parameters.add(new Struct(EmsSchemas.PARAMETER).put("name", parameter.name())
                    .put("value", parameter.value()));
        }
        return new Struct(EmsSchemas.VALUE)
                .put("event_id", EventIds.ofEms(cluster.uuid(), event.nodeUuid(), event.index()))
                .put("event_kind", EmsEventKind.of(event.messageName()).name())
                .put("observed_at", Date.from(observedAt))
                .put("ontap_time", event.time() == null ? null : Date.from(event.time()))
                .put("cluster_uuid", cluster.uuid())
                .put("cluster_name", cluster.name())
                .put("node_uuid", event.nodeUuid())
                .put("node_name", event.nodeName())
                .put("index", event.index())
                .put("message_name", event.messageName())
                .put("severity", event.severity())
                .put("svm_name", event.parameter("vserver"))
                .put("svm_uuid", event.parameter("vserver_uuid"))
                .put("lif_name", event.parameter("lif"))
                .put("initiator_name", firstOf(event.parameter("initiator_name"), event.parameter("initiator")))
                .put("initiator_address", event.parameter("initiator_ip_address"))
                .put("portset", event.parameter("portset"))
                .put("log_message", event.logMessage())
                .put("parameters", parameters)
                .put("source", event.source());
    }

    private static String firstOf(String a, String b) {
        return a != null ? a : b;
    }
}
