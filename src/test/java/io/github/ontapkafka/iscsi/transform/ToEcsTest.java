package io.github.ontapkafka.iscsi.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ontapkafka.iscsi.model.EmsParameter;
import io.github.ontapkafka.iscsi.model.Igroup;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.ConnectSchema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static io.github.ontapkafka.iscsi.transform.EcsInputs.IQN;
import static io.github.ontapkafka.iscsi.transform.EcsInputs.esxSession;
import static io.github.ontapkafka.iscsi.transform.EcsInputs.esxSessionMoved;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.ems;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.emsMessage;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.pollTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ToEcsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Map<String, Object> mapped(SourceRecord record) {
        return asMap(transform("map").apply(record).value());
    }

    static ToEcs<SourceRecord> transform(String output) {
        ToEcs<SourceRecord> transform = new ToEcs<>();
        transform.configure(Map.of("output", output));
        return transform;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    /** The value at a dotted ECS name, null when any step is absent. */
    static Object at(Map<String, Object> document, String dottedName) {
        Object value = document;
        for (String name : dottedName.split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(name) : null;
        }
        return value;
    }

    private static SourceRecord login() {
        return SessionAndEmsRecords.login(esxSession());
    }

    private static SourceRecord logout() {
        return SessionAndEmsRecords.logout(esxSession());
    }

    private static SourceRecord connectionChange() {
        return SessionAndEmsRecords.connectionChange(esxSession(), esxSessionMoved());
    }

    @Test
    void aLoginIsAnAuthenticationAndSessionStartThatSucceeded() {
        Map<String, Object> ecs = mapped(login());

        assertThat(at(ecs, "@timestamp")).isEqualTo("2026-11-30T08:00:30Z");
        assertThat(at(ecs, "ecs.version")).isEqualTo("9.4.0");
        assertThat(at(ecs, "event.kind")).isEqualTo("event");
        assertThat(at(ecs, "event.category")).isEqualTo(List.of("authentication", "session"));
        assertThat(at(ecs, "event.type")).isEqualTo(List.of("start"));
        assertThat(at(ecs, "event.action")).isEqualTo("iscsi-login");
        assertThat(at(ecs, "event.outcome")).isEqualTo("success");
        assertThat(at(ecs, "event.created")).isEqualTo(pollTime(1).toString());
        assertThat(at(ecs, "event.id")).asString().matches("[0-9a-f-]{36}");
        assertThat(at(ecs, "event.start")).isEqualTo(pollTime(1).toString());
        assertThat(at(ecs, "event.end")).isNull();
        assertThat(at(ecs, "event.duration")).isNull();
        assertThat(at(ecs, "ontap.iscsi.first_seen_is_lower_bound")).isEqualTo(false);
        assertThat(at(ecs, "event.dataset")).isEqualTo("ontap.iscsi");
        assertThat(at(ecs, "event.module")).isEqualTo("ontap");
        assertThat(at(ecs, "event.provider")).isEqualTo("iscsi-sessions");
        assertThat(at(ecs, "user.name")).isEqualTo(IQN);
        assertThat(at(ecs, "user.group.name")).isEqualTo("hosts");
        assertThat(at(ecs, "user.group.id")).isEqualTo("af7838cd-f993-4faf-90b7-5524787ae1e8");
        assertThat(at(ecs, "related.user")).isEqualTo(List.of(IQN));
        assertThat(at(ecs, "observer.vendor")).isEqualTo("NetApp");
        assertThat(at(ecs, "observer.product")).isEqualTo("ONTAP");
        assertThat(at(ecs, "observer.name")).isEqualTo("cluster1");
        assertThat(at(ecs, "network.transport")).isEqualTo("tcp");
        assertThat(at(ecs, "network.protocol")).isEqualTo("iscsi");
        assertThat(at(ecs, "network.type")).isEqualTo("ipv4");
        assertThat(at(ecs, "ontap.cluster.uuid")).isEqualTo(SessionAndEmsRecords.CLUSTER.uuid());
        assertThat(at(ecs, "ontap.svm.name")).isEqualTo("svm1");
        assertThat(at(ecs, "ontap.iscsi.tsih")).isEqualTo(7L);
        assertThat(at(ecs, "ontap.iscsi.isid")).isEqualTo("40:00:01:37:00:00");
        assertThat(at(ecs, "ontap.iscsi.target_portal_group")).isEqualTo("iscsi_lif1");
        assertThat(at(ecs, "ontap.iscsi.target_portal_group_tag")).isEqualTo(1027L);
        assertThat(at(ecs, "ontap.iscsi.initiator.alias")).isEqualTo("alias-7");
    }

    @Test
    void theFirstConnectionByCidIsSourceAndDestinationAndEveryAddressIsRelated() {
        Map<String, Object> ecs = mapped(login());

        assertThat(at(ecs, "source.ip")).isEqualTo("192.0.2.11");
        assertThat(at(ecs, "source.address")).isEqualTo("192.0.2.11");
        assertThat(at(ecs, "source.port")).isEqualTo(40001L);
        assertThat(at(ecs, "destination.ip")).isEqualTo("198.51.100.1");
        assertThat(at(ecs, "destination.port")).isEqualTo(3260L);
        assertThat(at(ecs, "observer.ingress.interface.name")).isEqualTo("iscsi_lif1");
        assertThat(at(ecs, "network.direction")).isEqualTo("ingress");
        assertThat(at(ecs, "related.ip")).isEqualTo(List.of("192.0.2.12", "198.51.100.1", "192.0.2.11"));
        assertThat((List<?>) at(ecs, "ontap.iscsi.connections")).hasSize(2);
    }

    @Test
    void aLogoutEndsTheSessionWithItsLifetimeAndDurationInNanoseconds() {
        Map<String, Object> ecs = mapped(logout());

        assertThat(at(ecs, "event.category")).isEqualTo(List.of("authentication", "session"));
        assertThat(at(ecs, "event.type")).isEqualTo(List.of("end"));
        assertThat(at(ecs, "event.action")).isEqualTo("iscsi-logout");
        assertThat(at(ecs, "event.outcome")).isEqualTo("success");
        assertThat(at(ecs, "@timestamp")).isEqualTo(pollTime(2).toString());
        assertThat(at(ecs, "event.start")).isEqualTo(pollTime(1).toString());
        assertThat(at(ecs, "event.end")).isEqualTo(pollTime(2).toString());
        assertThat(at(ecs, "event.duration")).isEqualTo(30_000_000_000L);
        assertThat(at(ecs, "ontap.iscsi.first_seen_is_lower_bound")).isEqualTo(false);
        assertThat(at(ecs, "ontap.iscsi.previous_observed_at")).isEqualTo(pollTime(1).toString());
    }

    @Test
    void aLogoutOfASessionFoundLoggedInSaysItsDurationIsALowerBound() {
        Map<String, Object> ecs = mapped(SessionAndEmsRecords.polls(List.of(esxSession()), List.of()).get(1));

        assertThat(at(ecs, "event.start")).isEqualTo(pollTime(0).toString());
        assertThat(at(ecs, "event.duration")).isEqualTo(30_000_000_000L);
        assertThat(at(ecs, "ontap.iscsi.first_seen_is_lower_bound")).isEqualTo(true);
    }

    @Test
    void aLogoutWrittenBeforeTheLifetimeFieldsHasNoStartAndNoDuration() {
        Map<String, Object> version1 = asMap(EcsInputs.schemaless(logout()));
        version1.keySet().removeAll(List.of("first_seen_at", "first_seen_is_lower_bound", "duration_ms"));

        Map<String, Object> ecs = mapped(logout().newRecord(SessionAndEmsRecords.SESSION_TOPIC, null, null, null,
                null, version1, pollTime(2).toEpochMilli()));

        assertThat(at(ecs, "event.type")).isEqualTo(List.of("end"));
        assertThat(at(ecs, "event.end")).isEqualTo(pollTime(2).toString());
        assertThat(at(ecs, "event.start")).isNull();
        assertThat(at(ecs, "event.duration")).isNull();
        assertThat(at(ecs, "ontap.iscsi.first_seen_is_lower_bound")).isNull();
    }

    @Test
    void aSnapshotIsTheStateOfASessionAlreadyPresentWithoutOutcome() {
        Map<String, Object> ecs = mapped(SessionAndEmsRecords.snapshot(esxSession()));

        assertThat(at(ecs, "event.kind")).isEqualTo("state");
        assertThat(at(ecs, "event.category")).isEqualTo(List.of("session"));
        assertThat(at(ecs, "event.type")).isEqualTo(List.of("info"));
        assertThat(at(ecs, "event.action")).isEqualTo("iscsi-session-present");
        assertThat(at(ecs, "event.start")).isEqualTo(pollTime(0).toString());
        assertThat(at(ecs, "ontap.iscsi.first_seen_is_lower_bound")).isEqualTo(true);
        assertThat(at(ecs, "event.outcome")).isNull();
        assertThat(at(ecs, "@timestamp")).isEqualTo(pollTime(0).toString());
        assertThat(at(ecs, "ontap.iscsi.previous_observed_at")).isNull();
    }

    @Test
    void aConnectionChangeIsSessionInfoWithTheAddressesAddedAndRemoved() {
        Map<String, Object> ecs = mapped(connectionChange());

        assertThat(at(ecs, "event.kind")).isEqualTo("event");
        assertThat(at(ecs, "event.category")).isEqualTo(List.of("session"));
        assertThat(at(ecs, "event.type")).isEqualTo(List.of("info"));
        assertThat(at(ecs, "event.action")).isEqualTo("iscsi-connection-change");
        assertThat(at(ecs, "event.outcome")).isNull();
        assertThat((List<?>) at(ecs, "ontap.iscsi.connections_added")).hasSize(1);
        assertThat((List<?>) at(ecs, "ontap.iscsi.connections_removed")).hasSize(1);
        assertThat(at(ecs, "related.ip")).isEqualTo(List.of("192.0.2.99", "198.51.100.1", "192.0.2.11",
                "192.0.2.12"));
    }

    @Test
    void anIpv6SessionHasIpv6Addresses() {
        Map<String, Object> ecs = mapped(EcsInputs.everyKind().get("IPv6 LOGIN"));

        assertThat(at(ecs, "source.ip")).isEqualTo("2001:db8:1::11");
        assertThat(at(ecs, "destination.ip")).isEqualTo("2001:db8:2::1");
        assertThat(at(ecs, "network.type")).isEqualTo("ipv6");
        assertThat(at(ecs, "related.ip")).isEqualTo(List.of("2001:db8:1::11", "2001:db8:2::1"));
    }

    @Test
    void aSessionWithoutConnectionsIsADocumentWithoutEndpoints() {
        Map<String, Object> ecs = mapped(EcsInputs.everyKind().get("LOGIN without connections"));

        assertThat(at(ecs, "user.name")).isEqualTo("iqn.1994-05.com.redhat:rhel01");
        assertThat(at(ecs, "event.type")).isEqualTo(List.of("start"));
        assertThat(ecs).doesNotContainKeys("source", "destination");
        assertThat(at(ecs, "related.ip")).isNull();
        assertThat(at(ecs, "network.type")).isNull();
        assertThat(at(ecs, "network.direction")).isNull();
        assertThat(at(ecs, "ontap.iscsi.connections")).isNull();
    }

    @Test
    void anInitiatorInSeveralIgroupsHasThemInTheCustomNamespaceOnly() {
        IscsiSession base = esxSession();
        IscsiSession twoGroups = new IscsiSession(base.svm(), base.targetPortalGroup(), base.targetPortalGroupTag(),
                base.tsih(), base.isid(), base.initiator(),
                List.of(new Igroup("u1", "hosts"), new Igroup("u2", "cluster_a")), base.connections());

        Map<String, Object> ecs = mapped(SessionAndEmsRecords.login(twoGroups));

        assertThat(at(ecs, "user.group")).isNull();
        assertThat(at(ecs, "ontap.iscsi.igroups")).isEqualTo(List.of(Map.of("name", "hosts", "uuid", "u1"),
                Map.of("name", "cluster_a", "uuid", "u2")));
    }

    @Test
    void aRefusedLoginIsAFailedAuthenticationWithOntapsWordsAndTheNode() {
        Map<String, Object> ecs = mapped(ems(SessionAndEmsRecords.refusedLogin()));

        assertThat(at(ecs, "@timestamp")).isEqualTo(pollTime(1).minusSeconds(2).toString());
        assertThat(at(ecs, "event.created")).isEqualTo(pollTime(1).toString());
        assertThat(at(ecs, "event.kind")).isEqualTo("event");
        assertThat(at(ecs, "event.category")).isEqualTo(List.of("authentication"));
        assertThat(at(ecs, "event.type")).isEqualTo(List.of("start"));
        assertThat(at(ecs, "event.outcome")).isEqualTo("failure");
        assertThat(at(ecs, "event.action")).isEqualTo("iscsi-login-refused");
        assertThat(at(ecs, "event.code")).isEqualTo("iscsi.loginIpNotAuthorized");
        assertThat(at(ecs, "event.reason")).isEqualTo("initiator address not authorized");
        assertThat(at(ecs, "event.severity")).isEqualTo(5L);
        assertThat(at(ecs, "event.provider")).isEqualTo("ems");
        assertThat(at(ecs, "log.level")).isEqualTo("notice");
        assertThat(at(ecs, "message")).asString().startsWith("iscsi.loginIpNotAuthorized: iSCSI login authorization");
        assertThat(at(ecs, "user.name")).isEqualTo("iqn.1998-01.com.vmware:esx-rogue");
        assertThat(at(ecs, "source.ip")).isEqualTo("203.0.113.66");
        assertThat(at(ecs, "related.ip")).isEqualTo(List.of("203.0.113.66"));
        assertThat(at(ecs, "observer.hostname")).isEqualTo("cluster1-01");
        assertThat(at(ecs, "observer.ingress.interface.name")).isEqualTo("iscsi_lif1");
        assertThat(at(ecs, "network.protocol")).isEqualTo("iscsi");
        assertThat(at(ecs, "ontap.node.uuid")).isEqualTo("a5bb6d60-879d-3160-b462-dfd8a9b04dd6");
        assertThat(at(ecs, "ontap.ems.index")).isEqualTo(4L);
        assertThat((List<?>) at(ecs, "ontap.ems.parameters")).hasSize(4);
    }

    @Test
    void aFailedLoginTakesItsReasonFromOntapsTextAndItsTimeFromTheConnectorWhenOntapGaveNone() {
        Map<String, Object> ecs = mapped(ems(SessionAndEmsRecords.failedLogin()));

        assertThat(at(ecs, "event.outcome")).isEqualTo("failure");
        assertThat(at(ecs, "event.action")).isEqualTo("iscsi-login-failed");
        assertThat(at(ecs, "event.reason")).isEqualTo("Initiator iqn.y: CHAP authentication failed");
        assertThat(at(ecs, "@timestamp")).isEqualTo(pollTime(1).toString());
        assertThat(at(ecs, "user.name")).isNull();
        assertThat(at(ecs, "source")).isNull();
    }

    @Test
    void anAddressThatIsNoIpStaysAnAddressOnly() {
        Map<String, Object> ecs = mapped(ems(emsMessage("iscsi.loginIpNotAuthorized", "notice",
                List.of(new EmsParameter("initiator_ip_address", "esx01.example.com")))));

        assertThat(at(ecs, "source.address")).isEqualTo("esx01.example.com");
        assertThat(at(ecs, "source.ip")).isNull();
        assertThat(at(ecs, "related.ip")).isNull();
        assertThat(at(ecs, "network.type")).isNull();
    }

    @Test
    void emsMessagesWithoutALoginAttemptHaveNoOutcomeAndAnUnknownOneNoCategory() {
        Map<String, Object> missing = mapped(ems(emsMessage("san.initiator.login.missing", "error",
                List.of(new EmsParameter("initiator", IQN), new EmsParameter("vserver", "svm1"),
                        new EmsParameter("portset", "ps1")))));
        Map<String, Object> other = mapped(ems(emsMessage("iscsi.login.newThing", "informational", List.of())));

        assertThat(at(missing, "event.category")).isEqualTo(List.of("session"));
        assertThat(at(missing, "event.type")).isEqualTo(List.of("info"));
        assertThat(at(missing, "event.action")).isEqualTo("iscsi-initiator-login-missing");
        assertThat(at(missing, "event.outcome")).isNull();
        assertThat(at(missing, "event.severity")).isEqualTo(3L);
        assertThat(at(missing, "network")).as("san.initiator.login.missing concerns FC initiators too").isNull();
        assertThat(at(missing, "ontap.ems.portset")).isEqualTo("ps1");
        assertThat(at(other, "event.kind")).isEqualTo("event");
        assertThat(at(other, "event.category")).isNull();
        assertThat(at(other, "event.action")).isNull();
        assertThat(at(other, "event.code")).isEqualTo("iscsi.login.newThing");
        assertThat(at(other, "message")).isEqualTo("iscsi.login.newThing: text");
    }

    @Test
    void theStructOutputGivesTheSameJsonAsTheMapOutputWithAbsentFieldsNull() throws IOException {
        for (SourceRecord record : List.of(login(), logout(),
                connectionChange(), ems(SessionAndEmsRecords.refusedLogin()),
                EcsInputs.everyKind().get("LOGIN without connections"))) {
            SourceRecord struct = transform("struct").apply(record);

            ConnectSchema.validateValue(struct.valueSchema(), struct.value());
            assertThat(struct.valueSchema()).isSameAs(EcsStruct.SCHEMA);
            assertThat(((Struct) struct.value()).getStruct("user")).isNotNull();
            assertThat(withoutNulls(json(struct))).isEqualTo(json(mapped(record)));
        }
    }

    @Test
    void aSinkReadingSchemalessJsonGetsTheSameDocumentAsTheSourceConnector() throws IOException {
        for (SourceRecord record : List.of(connectionChange(), ems(SessionAndEmsRecords.refusedLogin()))) {
            SourceRecord schemaless = record.newRecord(record.topic(), null, null, null, null,
                    EcsInputs.schemaless(record), record.timestamp());

            assertThat(json(mapped(schemaless))).isEqualTo(json(mapped(record)));
        }
    }

    @Test
    void recordsItDoesNotKnowPassThroughUntouched() {
        SourceRecord health = SessionAndEmsRecords.health();
        SourceRecord tombstone = login().newRecord("t", 0, null, "k", null, null, 1L);
        Map<String, Object> futureType = asMap(EcsInputs.schemaless(login()));
        futureType.put("event_type", "SESSION_MOVED");
        SourceRecord future = tombstone.newRecord("t", 0, null, "k", null, futureType, 1L);
        SourceRecord text = tombstone.newRecord("t", 0, null, "k", null, "plain", 1L);

        for (SourceRecord record : List.of(health, tombstone, future, text)) {
            assertThat(transform("struct").apply(record)).isSameAs(record);
            assertThat(transform("map").apply(record)).isSameAs(record);
        }
    }

    @Test
    void keyTopicPartitionTimestampAndHeadersAreKept() {
        SourceRecord login = login();
        SourceRecord record = login.newRecord(login.topic(), 3, login.keySchema(), login.key(), login.valueSchema(),
                login.value(), 1234L, new ConnectHeaders().addString("h", "v"));

        for (String output : List.of("struct", "map")) {
            SourceRecord transformed = transform(output).apply(record);

            assertThat(transformed.key()).isSameAs(login.key());
            assertThat(transformed.keySchema()).isSameAs(login.keySchema());
            assertThat(transformed.topic()).isEqualTo(login.topic());
            assertThat(transformed.kafkaPartition()).isEqualTo(3);
            assertThat(transformed.timestamp()).isEqualTo(1234L);
            assertThat(transformed.headers().lastWithName("h").value()).isEqualTo("v");
        }
    }

    @Test
    void theOutputIsStructByDefaultAndAnUnknownOutputIsRefusedByName() {
        ToEcs<SourceRecord> byDefault = new ToEcs<>();
        byDefault.configure(Map.of());

        assertThat(byDefault.apply(login()).value()).isInstanceOf(Struct.class);
        assertThat(transform("MAP").apply(login()).value()).isInstanceOf(Map.class);
        assertThatThrownBy(() -> transform("xml")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("output").hasMessageContaining("xml");
        Map<String, Object> nullOutput = new HashMap<>();
        nullOutput.put("output", null);
        assertThatThrownBy(() -> new ToEcs<SourceRecord>().configure(nullOutput))
                .isInstanceOf(ConfigException.class).hasMessageContaining("output");
    }

    @Test
    void thePluginRegistersTheTransformAndReportsItsVersion() {
        assertThat(ServiceLoader.load(Transformation.class).stream().map(ServiceLoader.Provider::type))
                .contains(ToEcs.class);
        assertThat(new ToEcs<SourceRecord>().version()).isNotBlank();
        assertThat(new ToEcs<SourceRecord>().config().names()).containsExactly("output");
    }

    static JsonNode json(SourceRecord record) throws IOException {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "false"), false);
        return JSON.readTree(converter.fromConnectData(record.topic(), record.valueSchema(), record.value()));
    }

    /** As JSON text reads back: numbers compare by value, not by the Java type that held them. */
    static JsonNode json(Map<String, Object> document) throws IOException {
        return JSON.readTree(JSON.writeValueAsBytes(document));
    }

    /** JSON as a reader of ECS sees it: a null field is an absent one, an object of nulls none at all. */
    static JsonNode withoutNulls(JsonNode node) {
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(withoutNulls(element)));
            return copy;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode copy = JSON.createObjectNode();
        node.fields().forEachRemaining(field -> {
            JsonNode value = withoutNulls(field.getValue());
            if (!value.isNull() && !(value.isObject() && value.isEmpty())) {
                copy.set(field.getKey(), value);
            }
        });
        return copy;
    }
}
