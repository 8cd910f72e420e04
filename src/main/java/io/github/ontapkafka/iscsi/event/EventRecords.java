package io.github.ontapkafka.iscsi.event;

import io.github.ontapkafka.iscsi.tracking.SessionChange;
import io.github.ontapkafka.iscsi.model.ClusterIdentity;
import io.github.ontapkafka.iscsi.model.Connection;
import io.github.ontapkafka.iscsi.model.Igroup;
import io.github.ontapkafka.iscsi.model.IpEndpoint;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.NetworkInterface;
import io.github.ontapkafka.iscsi.tracking.ChangeBatch;
import io.github.ontapkafka.iscsi.tracking.ChangeType;
import io.github.ontapkafka.iscsi.tracking.FirstSeen;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Turns the changes of a poll into Connect records: key, value, timestamp and the offset after each. */
public final class EventRecords {

    private final String topic;

    public EventRecords(String topic) {
        this.topic = topic;
    }

    public List<SourceRecord> of(ClusterIdentity cluster, Map<String, ?> partition, ChangeBatch batch) {
        List<SourceRecord> records = new ArrayList<>(batch.changes().size());
        Struct clusterStruct = cluster(cluster);
        long timestamp = batch.observedAt().toEpochMilli();
        for (int i = 0; i < batch.changes().size(); i++) {
            SessionChange change = batch.changes().get(i);
            records.add(new SourceRecord(partition, batch.offsetAfter(i), topic, null,
                    EventSchemas.KEY, key(cluster, change), EventSchemas.VALUE,
                    value(cluster, clusterStruct, change, batch), timestamp));
        }
        return records;
    }

    static Struct cluster(ClusterIdentity cluster) {
        return new Struct(EventSchemas.CLUSTER).put("name", cluster.name()).put("uuid", cluster.uuid());
    }

    /** {@code struct} with when its session was first seen, both fields null if that is unknown. */
    static Struct withFirstSeen(Struct struct, FirstSeen firstSeen) {
        return struct.put("first_seen_at", firstSeen == null ? null : Date.from(firstSeen.at()))
                .put("first_seen_is_lower_bound", firstSeen == null ? null : firstSeen.lowerBound());
    }

    static Struct key(ClusterIdentity cluster, SessionChange change) {
        return new Struct(EventSchemas.KEY)
                .put("cluster_uuid", cluster.uuid())
                .put("svm_uuid", change.key().svmUuid())
                .put("target_portal_group", change.key().targetPortalGroup())
                .put("tsih", change.key().tsih());
    }

    private static Struct value(ClusterIdentity cluster, Struct clusterStruct, SessionChange change,
                                ChangeBatch batch) {
        FirstSeen firstSeen = change.firstSeen();
        return withFirstSeen(new Struct(EventSchemas.VALUE), firstSeen)
                .put("event_id", EventIds.of(cluster.uuid(), change, batch.generation()))
                .put("event_type", change.type().name())
                .put("observed_at", Date.from(batch.observedAt()))
                .put("previous_observed_at", batch.previousObservedAt() == null ? null
                        : Date.from(batch.previousObservedAt()))
                .put("cluster", clusterStruct)
                .put("session", session(change.session()))
                .put("connections_added", connections(change.connectionsAdded()))
                .put("connections_removed", connections(change.connectionsRemoved()))
                .put("duration_ms", change.type() != ChangeType.LOGOUT || firstSeen == null ? null
                        : firstSeen.millisUntil(batch.observedAt()));
    }

    static Struct session(IscsiSession session) {
        Struct initiator = session.initiator() == null ? null : new Struct(EventSchemas.INITIATOR)
                .put("name", session.initiator().name())
                .put("alias", session.initiator().alias())
                .put("comment", session.initiator().comment());
        return new Struct(EventSchemas.SESSION)
                .put("svm", new Struct(EventSchemas.SVM).put("name", session.svm().name()).put("uuid", session.svm().uuid()))
                .put("target_portal_group", session.targetPortalGroup())
                .put("target_portal_group_tag", session.targetPortalGroupTag())
                .put("tsih", session.tsih())
                .put("isid", session.isid())
                .put("initiator", initiator)
                .put("igroups", igroups(session.igroups()))
                .put("connections", connections(session.connections()));
    }

    private static List<Struct> igroups(List<Igroup> igroups) {
        if (igroups == null) {
            return null;
        }
        List<Struct> structs = new ArrayList<>(igroups.size());
        for (Igroup igroup : igroups) {
            structs.add(new Struct(EventSchemas.IGROUP).put("name", igroup.name()).put("uuid", igroup.uuid()));
        }
        return structs;
    }

    private static List<Struct> connections(List<Connection> connections) {
        if (connections == null) {
            return null;
        }
        List<Struct> structs = new ArrayList<>(connections.size());
        for (Connection connection : connections) {
            NetworkInterface lif = connection.networkInterface();
            structs.add(new Struct(EventSchemas.CONNECTION)
                    .put("cid", connection.cid())
                    .put("authentication_type", connection.authenticationType())
                    .put("initiator_address", endpoint(connection.initiatorAddress()))
                    .put("interface", lif == null ? null : new Struct(EventSchemas.INTERFACE)
                            .put("name", lif.name())
                            .put("uuid", lif.uuid())
                            .put("ip", endpoint(lif.ip()))));
        }
        return structs;
    }

    private static Struct endpoint(IpEndpoint endpoint) {
        return endpoint == null ? null
                : new Struct(EventSchemas.IP_ENDPOINT).put("address", endpoint.address()).put("port", endpoint.port());
    }
}
