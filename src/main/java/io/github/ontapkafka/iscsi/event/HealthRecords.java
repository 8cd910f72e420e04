package io.github.ontapkafka.iscsi.event;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * Turns health reports into records of the health topic. Each carries the cluster's source partition and the offset
 * its last session record carried, unchanged: under exactly-once it commits with the session records of its
 * transaction, and a heartbeat commits the cluster's offset when nothing else happens.
 */
public final class HealthRecords {

    /** The source partition key of records about a cluster without an offset: its configured URL. */
    public static final String URL_PARTITION = "cluster_url";

    private final String topic;
    private final String connector;
    private final int task;
    private final String version;

    public HealthRecords(String topic, String connector, int task, String version) {
        this.topic = topic;
        this.connector = connector;
        this.task = task;
        this.version = version;
    }

    /**
     * @param partition the cluster's source partition; null while the cluster has none (it never answered)
     * @param offset    the offset of the cluster's last record; null when it has none
     */
    public SourceRecord of(HealthReport report, Map<String, ?> partition, Map<String, ?> offset, Instant now) {
        Struct key = new Struct(HealthSchemas.KEY).put("connector", connector).put("cluster_url", report.clusterUrl());
        Struct value = new Struct(HealthSchemas.VALUE)
                .put("connector", connector)
                .put("task", task)
                .put("connector_version", version)
                .put("cluster_url", report.clusterUrl())
                .put("cluster_name", report.clusterName())
                .put("cluster_uuid", report.clusterUuid())
                .put("status", report.status().name())
                .put("trigger", report.trigger().name())
                .put("status_since", Date.from(report.statusSince()))
                .put("last_success_at", report.lastSuccessAt() == null ? null : Date.from(report.lastSuccessAt()))
                .put("consecutive_failures", report.consecutiveFailures())
                .put("failure_kind", report.failureKind())
                .put("failure_message", report.failureMessage())
                .put("sessions_tracked", report.sessionsTracked())
                .put("last_poll_duration_ms", report.lastPollDuration() == null ? null
                        : report.lastPollDuration().toMillis())
                .put("emitted_at", Date.from(now))
                .put("ems_events_lost", report.emsEventsLost() == null ? null : report.emsEventsLost().what())
                .put("ems_events_lost_at", report.emsEventsLost() == null ? null
                        : Date.from(report.emsEventsLost().foundAt()));
        boolean hasOffset = partition != null && offset != null;
        return new SourceRecord(hasOffset ? partition : withoutOffset(report), hasOffset ? offset : null, topic, null,
                HealthSchemas.KEY, key, HealthSchemas.VALUE, value, now.toEpochMilli());
    }

    /**
     * The partition of a record about a cluster that has no offset yet: one of the configured URL, never the
     * cluster's own, whose stored offset a null offset would reset. (Connect writes a null offset as a tombstone,
     * and a null partition as a malformed offset key.)
     */
    private static Map<String, ?> withoutOffset(HealthReport report) {
        return Map.of(URL_PARTITION, report.clusterUrl());
    }
}
