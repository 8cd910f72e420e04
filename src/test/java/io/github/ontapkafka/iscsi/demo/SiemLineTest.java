package io.github.ontapkafka.iscsi.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apicurio.registry.utils.converter.avro.AvroData;
import io.apicurio.registry.utils.converter.avro.AvroDataConfig;
import io.github.ontapkafka.iscsi.event.EventRecords;
import io.github.ontapkafka.iscsi.model.ClusterIdentity;
import io.github.ontapkafka.iscsi.ontap.SessionScope;
import io.github.ontapkafka.iscsi.tracking.ClusterState;
import io.github.ontapkafka.iscsi.tracking.OffsetFormat;
import io.github.ontapkafka.iscsi.tracking.SnapshotMode;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.github.ontapkafka.iscsi.fixtures.Sessions.connection;
import static io.github.ontapkafka.iscsi.fixtures.Sessions.live;
import static io.github.ontapkafka.iscsi.fixtures.Sessions.session;
import static org.assertj.core.api.Assertions.assertThat;

class SiemLineTest {

    private static final ClusterIdentity CLUSTER = new ClusterIdentity("4ea7a442-86d1-11e0-ae1c-123478563412", "cluster1");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A LOGIN as the demo's console reads it: from Avro, without Connect's metadata. */
    private static GenericRecord loginFromAvro() {
        ClusterState state = ClusterState.fresh();
        state.poll(live(), Instant.parse("2026-11-30T10:00:00Z"), SnapshotMode.INITIAL, SessionScope.ALL);
        SourceRecord login = new EventRecords("ontap.iscsi.sessions").of(CLUSTER,
                OffsetFormat.partition(CLUSTER.uuid()), state.poll(live(session(7, "iqn.a", connection(1))),
                        Instant.parse("2026-11-30T10:00:10Z"), SnapshotMode.INITIAL, SessionScope.ALL)).get(0);
        AvroData avro = new AvroData(new AvroDataConfig(Map.of(AvroDataConfig.CONNECT_META_DATA_CONFIG, "false")));
        return (GenericRecord) avro.fromConnectData(login.valueSchema(), login.value());
    }

    @Test
    void showsALoginAsAnOcsfLogon() throws Exception {
        JsonNode line = JSON.readTree(SiemLine.of("ocsf").format(loginFromAvro()));

        assertThat(line.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(line.get("type_uid").asInt()).isEqualTo(300201);
        assertThat(line.at("/user/name").asText()).isEqualTo("iqn.a");
    }

    @Test
    void showsALoginAsAnEcsDocument() throws Exception {
        JsonNode line = JSON.readTree(SiemLine.of("ecs").format(loginFromAvro()));

        assertThat(line.at("/event/type").toString()).isEqualTo("[\"start\"]");
        assertThat(line.at("/ecs/version").asText()).isEqualTo("9.4.0");
        assertThat(line.at("/user/name").asText()).isEqualTo("iqn.a");
    }
}
