package io.github.ontapkafka.iscsi.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ontapkafka.iscsi.fixtures.ApicurioAvroWorker;
import io.github.ontapkafka.iscsi.fixtures.AvroContract;
import io.github.ontapkafka.iscsi.fixtures.ConfluentWireDecoder;
import io.github.ontapkafka.iscsi.fixtures.Sessions;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.simulator.OntapSimulatorServer;
import io.github.ontapkafka.iscsi.simulator.SimulatedCluster;
import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.github.ontapkafka.iscsi.fixtures.AvroFields.get;
import static io.github.ontapkafka.iscsi.fixtures.AvroFields.records;
import static io.github.ontapkafka.iscsi.fixtures.AvroFields.text;
import static io.github.ontapkafka.iscsi.fixtures.Sessions.connection;
import static io.github.ontapkafka.iscsi.fixtures.Sessions.session;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Avro path end to end with real parts: a broker and Connect worker in-process, using Apicurio's
 * {@code AvroConverter} for key and value with the settings of {@code config/worker-apicurio-avro.properties}
 * against a real registry, and the ONTAP simulator. Every record is read as a Confluent consumer reads it.
 */
class AvroWireFormatIT {

    @RegisterExtension
    static final ApicurioRegistry REGISTRY = new ApicurioRegistry();

    private static final Path DECODED_RECORD = Path.of("target", "decoded-record.json");
    private static final String TOPIC = "ontap.iscsi.sessions.avro";
    private static final String HOST = "iqn.1994-05.com.redhat:host-a";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void loginConnectionChangeAndLogoutReachAConfluentAvroConsumer() throws Exception {
        SimulatedCluster cluster = SimulatedCluster.named("avro-cluster");
        IscsiSession session = session(1, HOST, connection(1));
        ConfluentWireDecoder decoder = new ConfluentWireDecoder(REGISTRY.api());
        long start = System.currentTimeMillis();
        List<AvroEvent> events;
        try (ConnectHarness harness = ConnectHarness.start("avro-it", 1,
                ApicurioAvroWorker.converterSettings(REGISTRY.apicurioApiUrl()));
             OntapSimulatorServer simulator = OntapSimulatorServer.builder()
                     .credentials(ConnectHarness.USERNAME, ConnectHarness.PASSWORD).build()
                     .mount("c1", cluster).start();
             TopicLog<AvroEvent> log = new TopicLog<>(harness.connect.kafka(), TOPIC, record -> new AvroEvent(
                     decoder.decode(record.key()), decoder.decode(record.value()), record.timestamp()))) {
            harness.deploy(TOPIC, ConnectHarness.connectorConfig(TOPIC, List.of(simulator.baseUrl(cluster))), 1);
            SessionPolls.await(cluster, 2, WAIT);

            cluster.login(session);
            log.awaitAtLeast(1, WAIT);
            cluster.addConnection(session.key(), connection(2));
            log.awaitAtLeast(2, WAIT);
            cluster.logout(session.key());
            events = log.awaitAtLeast(3, WAIT);
        }

        assertThat(events).extracting(AvroEvent::type).containsExactly("LOGIN", "CONNECTION_CHANGE", "LOGOUT");
        for (AvroEvent event : events) {
            assertThat(event.key.writerSchema()).isEqualTo(AvroContract.KEY.committed());
            assertThat(event.value.writerSchema()).isEqualTo(AvroContract.VALUE.committed());
            assertThat(event.key.schemaId()).isEqualTo(events.get(0).key.schemaId());
            assertThat(event.value.schemaId()).isEqualTo(events.get(0).value.schemaId());
            assertThat(event.key.record().toString()).isEqualTo("{\"cluster_uuid\": \"" + cluster.uuid()
                    + "\", \"svm_uuid\": \"" + Sessions.SVM_UUID + "\", \"target_portal_group\": \"iscsi_lif1\", "
                    + "\"tsih\": 1}");
            GenericRecord value = event.valueRecord();
            assertThat(text(value, "event_id")).matches("\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}");
            assertThat((long) get(value, "observed_at")).isEqualTo(event.timestamp)
                    .isBetween(start, System.currentTimeMillis());
            assertThat((long) get(value, "previous_observed_at")).isLessThan(event.timestamp);
            assertThat(text(value, "cluster.name")).isEqualTo(cluster.name());
            assertThat(text(value, "cluster.uuid")).isEqualTo(cluster.uuid());
            assertThat(text(value, "session.svm.name")).isEqualTo("svm1");
            assertThat(text(value, "session.isid")).isEqualTo("40:00:01:37:00:00");
            assertThat(text(value, "session.initiator.name")).isEqualTo(HOST);
            assertThat(text(value, "session.initiator.comment")).isNull();
        }
        assertThat(events.get(0).key.schemaId()).isNotEqualTo(events.get(0).value.schemaId());
        assertThat(events.get(0).value.writerSchema().getField("observed_at").schema().getLogicalType())
                .isEqualTo(LogicalTypes.timestampMillis());
        assertThat(REGISTRY.api().latest(TOPIC + "-key")).as("registered under Confluent's subject for the key")
                .isEqualTo(AvroContract.KEY.committed());
        assertThat(REGISTRY.api().latest(TOPIC + "-value")).as("registered under Confluent's subject for the value")
                .isEqualTo(AvroContract.VALUE.committed());

        GenericRecord login = events.get(0).valueRecord();
        assertThat(records(login, "session.connections")).hasSize(1);
        assertThat(get(login, "connections_added")).isNull();

        GenericRecord change = events.get(1).valueRecord();
        assertThat(records(change, "session.connections")).hasSize(2);
        List<GenericRecord> added = records(change, "connections_added");
        assertThat(added).hasSize(1);
        assertThat(get(added.get(0), "cid")).isEqualTo(2);
        assertThat(text(added.get(0), "authentication_type")).isEqualTo("chap");
        assertThat(text(added.get(0), "initiator_address.address")).isEqualTo("192.0.2.12");
        assertThat(get(added.get(0), "initiator_address.port")).isEqualTo(40002);
        assertThat(text(added.get(0), "interface.name")).isEqualTo("iscsi_lif1");
        assertThat(get(added.get(0), "interface.ip.port")).isEqualTo(3260);
        assertThat(records(change, "connections_removed")).isEmpty();

        GenericRecord logout = events.get(2).valueRecord();
        assertThat(records(logout, "session.connections")).as("the last state seen").hasSize(2);

        show(events.get(1));
    }

    /** Prints one decoded record and keeps it in target/, for the record as a consumer sees it. */
    private static void show(AvroEvent event) throws IOException {
        ObjectNode shown = JSON.createObjectNode();
        shown.put("key_schema_id", event.key.schemaId());
        shown.set("key", JSON.readTree(event.key.record().toString()));
        shown.put("value_schema_id", event.value.schemaId());
        shown.set("value", JSON.readTree(event.valueRecord().toString()));
        String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(shown);
        Files.writeString(DECODED_RECORD, json + "\n");
        System.out.println("Decoded " + event.type() + " record (also in " + DECODED_RECORD + "):\n" + json);
    }

    private record AvroEvent(ConfluentWireDecoder.Decoded key, ConfluentWireDecoder.Decoded value, long timestamp) {
        GenericRecord valueRecord() {
            return value.record();
        }

        String type() {
            return valueRecord().get("event_type").toString();
        }
    }
}
