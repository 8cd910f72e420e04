package io.github.ontapkafka.iscsi.transform;

import io.apicurio.registry.utils.converter.avro.AvroData;
import io.apicurio.registry.utils.converter.avro.AvroDataConfig;
import io.github.ontapkafka.iscsi.event.EventSchemas;
import io.github.ontapkafka.iscsi.event.Version;
import io.github.ontapkafka.iscsi.fixtures.AvroContract;
import io.github.ontapkafka.iscsi.model.EmsParameter;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.ConnectSchema;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static io.github.ontapkafka.iscsi.fixtures.Sessions.SVM_UUID;
import static io.github.ontapkafka.iscsi.fixtures.Sessions.connection;
import static io.github.ontapkafka.iscsi.fixtures.Sessions.session;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.CLUSTER;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.NODE_UUID;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.connectionChange;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.ems;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.emsMessage;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.failedLogin;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.health;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.ipv6Connection;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.keyOnlyLogout;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.login;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.logout;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.pollTime;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.refusedLogin;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.snapshot;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.tableRecord;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.unauthenticatedConnection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ToOcsfTest {

    private static final IscsiSession ESX01 = session(7, "iqn.1998-01.com.vmware:esx01", connection(2), connection(1));

    private static ToOcsf<SourceRecord> transform(String output) {
        ToOcsf<SourceRecord> transform = new ToOcsf<>();
        transform.configure(Map.of(ToOcsf.OUTPUT_CONFIG, output));
        return transform;
    }

    private static Struct ocsf(SourceRecord record) {
        SourceRecord transformed = transform("struct").apply(record);
        ConnectSchema.validateValue(transformed.valueSchema(), transformed.value());
        return (Struct) transformed.value();
    }

    @Test
    void aLoginIsASuccessfulRemoteNetworkLogonOfTheInitiatorToTheSvmsIscsiService() {
        SourceRecord record = login(ESX01);
        Struct event = ocsf(record);

        assertThat(event.getInt32("class_uid")).isEqualTo(3002);
        assertThat(event.getInt32("category_uid")).isEqualTo(3);
        assertThat(event.getInt32("activity_id")).isEqualTo(1);
        assertThat(event.getString("activity_name")).isEqualTo("Logon");
        assertThat(event.getInt64("type_uid")).isEqualTo(300201L);
        assertThat(event.getString("type_name")).isEqualTo("Authentication: Logon");
        assertThat(event.getInt32("status_id")).isEqualTo(1);
        assertThat(event.getInt32("severity_id")).isEqualTo(1);
        assertThat(event.getInt64("time")).isEqualTo(pollTime(1).toEpochMilli());
        assertThat(event.getBoolean("is_remote")).isTrue();
        assertThat(event.getInt32("logon_type_id")).isEqualTo(3);
        assertThat(event.getInt32("auth_protocol_id")).isEqualTo(8);
        assertThat(event.getString("auth_protocol")).isEqualTo("CHAP");
        assertThat(event.getStruct("service").getString("name")).isEqualTo("iSCSI");

        Struct user = event.getStruct("user");
        assertThat(user.getString("name")).isEqualTo("iqn.1998-01.com.vmware:esx01");
        assertThat(user.getString("display_name")).isEqualTo("alias-7");
        assertThat(user.<Struct>getArray("groups")).singleElement()
                .satisfies(group -> assertThat(group.getString("name")).isEqualTo("hosts"));

        Struct metadata = event.getStruct("metadata");
        Struct value = (Struct) record.value();
        assertThat(metadata.getString("uid")).isEqualTo(value.getString("event_id"));
        assertThat(metadata.getString("event_code")).isEqualTo("LOGIN");
        assertThat(metadata.getString("log_name")).isEqualTo("ontap.iscsi.sessions");
        assertThat(metadata.getString("version")).isEqualTo("1.5.0");
        assertThat(metadata.getStruct("product").getString("vendor_name")).isEqualTo("NetApp");
        assertThat(metadata.<Struct>getArray("loggers")).singleElement().satisfies(logger ->
                assertThat(logger.getStruct("product").getString("version")).isEqualTo(Version.get()));
        assertThat(metadata.<Struct>getArray("extensions")).singleElement().satisfies(extension -> {
            assertThat(extension.getString("name")).isEqualTo("ontap_iscsi");
            assertThat(extension.getString("version")).isEqualTo("1.5.0");
        });

        Struct ontap = event.getStruct("ontap_iscsi");
        assertThat(ontap.getString("ontap_cluster_uid")).isEqualTo(CLUSTER.uuid());
        assertThat(ontap.getInt32("ontap_tsih")).isEqualTo(7);
        assertThat(ontap.getString("ontap_isid")).isEqualTo("40:00:01:37:00:00");
        assertThat(ontap.getString("ontap_target_portal_group")).isEqualTo("iscsi_lif1");
        assertThat(ontap.getInt32("ontap_target_portal_group_tag")).isEqualTo(1027);
    }

    @Test
    void theEndpointsAreThoseOfTheConnectionWithTheLowestCid() {
        Struct event = ocsf(login(ESX01));

        Struct source = event.getStruct("src_endpoint");
        assertThat(source.getString("ip")).isEqualTo("192.0.2.11");
        assertThat(source.getInt32("port")).isEqualTo(40001);
        Struct target = event.getStruct("dst_endpoint");
        assertThat(target.getString("name")).isEqualTo("svm1");
        assertThat(target.getString("uid")).isEqualTo(SVM_UUID);
        assertThat(target.getString("ip")).isEqualTo("198.51.100.1");
        assertThat(target.getInt32("port")).isEqualTo(3260);
        assertThat(target.getString("interface_name")).isEqualTo("iscsi_lif1");
        assertThat(target.getString("interface_uid")).isEqualTo("c15439b4-dbb4-11e8-90ac-005056bba882");
        assertThat(event.getStruct("ontap_iscsi").<Integer>getArray("ontap_cids")).containsExactly(1, 2);
        assertThat(event.<Struct>getArray("observables")).extracting(o -> o.getString("name") + "=" + o.getString("value"))
                .containsExactly("src_endpoint.ip=192.0.2.11", "dst_endpoint.ip=198.51.100.1",
                        "user.name=iqn.1998-01.com.vmware:esx01");
    }

    @Test
    void aLogoutIsALogoffOfTheSameSession() {
        Struct login = ocsf(login(ESX01));
        Struct logout = ocsf(logout(ESX01));

        assertThat(logout.getInt32("activity_id")).isEqualTo(2);
        assertThat(logout.getInt64("type_uid")).isEqualTo(300202L);
        assertThat(logout.getInt64("time")).isEqualTo(pollTime(2).toEpochMilli());
        assertThat(logout.getStruct("session").getString("uid")).isEqualTo(login.getStruct("session").getString("uid"))
                .isNotNull();
        assertThat(logout.getStruct("session").getString("uid_alt"))
                .isEqualTo(login.getStruct("session").getString("uid_alt"));
    }

    @Test
    void aLogoutCarriesTheSessionsLifetimeAndALoginItsCreationTime() {
        Struct login = ocsf(login(ESX01));
        Struct logout = ocsf(logout(ESX01));

        assertThat(login.getStruct("session").getInt64("created_time")).isEqualTo(pollTime(1).toEpochMilli());
        assertThat(login.get("duration")).isNull();
        assertThat(logout.getInt64("start_time")).isEqualTo(pollTime(1).toEpochMilli());
        assertThat(logout.getInt64("end_time")).isEqualTo(pollTime(2).toEpochMilli());
        assertThat(logout.getInt64("duration")).isEqualTo(30_000L);
        assertThat(logout.getStruct("ontap_iscsi").getBoolean("ontap_first_seen_is_lower_bound")).isFalse();
    }

    @Test
    void aSessionFirstSeenAlreadyLoggedInHasNoCreationTimeButItsLowerBound() {
        Struct present = ocsf(snapshot(ESX01));

        assertThat(present.getStruct("session").get("created_time")).isNull();
        assertThat(present.getStruct("ontap_iscsi").getInt64("ontap_first_seen_time"))
                .isEqualTo(pollTime(0).toEpochMilli());
        assertThat(present.getStruct("ontap_iscsi").getBoolean("ontap_first_seen_is_lower_bound")).isTrue();
    }

    @Test
    void aSessionReusingATsihIsAnotherLoginOfTheSameKey() {
        Struct first = ocsf(login(ESX01));
        Struct reuse = ocsf(login(session("iscsi_lif1", 7, "40:00:01:37:00:99", "iqn.1998-01.com.vmware:esx01",
                connection(1))));

        assertThat(reuse.getStruct("session").getString("uid")).isNotEqualTo(first.getStruct("session").getString("uid"));
        assertThat(reuse.getStruct("session").getString("uid_alt"))
                .isEqualTo(first.getStruct("session").getString("uid_alt"));
    }

    @Test
    void aLogoutKnownByItsKeyOnlyNamesNoInitiatorButKeepsTheSessionKey() {
        Struct logout = ocsf(keyOnlyLogout(ESX01));

        assertThat(logout.getInt32("activity_id")).isEqualTo(2);
        assertThat(logout.getStruct("user").getString("name")).isEqualTo("unknown");
        assertThat(logout.getStruct("session").getString("uid")).isNull();
        assertThat(logout.getStruct("session").getString("uid_alt"))
                .isEqualTo(ocsf(login(ESX01)).getStruct("session").getString("uid_alt"));
        assertThat(logout.getStruct("dst_endpoint").getString("uid")).isEqualTo(SVM_UUID);
        assertThat(logout.get("src_endpoint")).isNull();
        assertThat(logout.get("auth_protocol_id")).isNull();
        assertThat(logout.<Struct>getArray("observables")).isNull();
    }

    @Test
    void aSnapshotIsASessionPresentAndAConnectionChangeListsTheConnectionsChanged() {
        Struct present = ocsf(snapshot(ESX01));
        Struct change = ocsf(connectionChange(ESX01, session(7, "iqn.1998-01.com.vmware:esx01", connection(1),
                connection(3))));

        assertThat(present.getInt32("activity_id")).isEqualTo(99);
        assertThat(present.getString("activity_name")).isEqualTo("Session Present");
        assertThat(present.getInt64("type_uid")).isEqualTo(300299L);
        assertThat(present.getString("type_name")).isEqualTo("Authentication: Other");
        assertThat(present.getInt32("status_id")).isEqualTo(1);
        assertThat(change.getInt32("activity_id")).isEqualTo(99);
        assertThat(change.getString("activity_name")).isEqualTo("Connection Change");
        Struct ontap = change.getStruct("ontap_iscsi");
        assertThat(ontap.<Integer>getArray("ontap_cids")).containsExactly(1, 3);
        assertThat(ontap.<Integer>getArray("ontap_cids_added")).containsExactly(3);
        assertThat(ontap.<Integer>getArray("ontap_cids_removed")).containsExactly(2);
    }

    @Test
    void aSessionWithoutConnectionsHasTheSvmAsItsTargetAndNoProtocol() {
        Struct event = ocsf(login(session(3, "iqn.1998-01.com.vmware:esx02")));

        assertThat(event.getStruct("dst_endpoint").getString("name")).isEqualTo("svm1");
        assertThat(event.getStruct("dst_endpoint").getString("ip")).isNull();
        assertThat(event.get("src_endpoint")).isNull();
        assertThat(event.get("auth_protocol_id")).isNull();
        assertThat(event.getStruct("ontap_iscsi").<Integer>getArray("ontap_cids")).isEmpty();
    }

    @Test
    void ipv6AddressesAreKeptAsOntapGivesThem() {
        Struct event = ocsf(login(session(4, "iqn.1991-05.com.microsoft:host6", ipv6Connection(1))));

        assertThat(event.getStruct("src_endpoint").getString("ip")).isEqualTo("2001:db8:1::11");
        assertThat(event.getStruct("dst_endpoint").getString("ip")).isEqualTo("2001:db8:2::1");
        assertThat(event.getStruct("dst_endpoint").getString("interface_name")).isEqualTo("iscsi_lif6");
    }

    @Test
    void aLoginWithoutAuthenticationIsTheOtherProtocolNone() {
        Struct event = ocsf(login(session(5, "iqn.1994-05.com.redhat:db1", unauthenticatedConnection(1))));

        assertThat(event.getInt32("auth_protocol_id")).isEqualTo(99);
        assertThat(event.getString("auth_protocol")).isEqualTo("None");
    }

    @Test
    void aLoginRefusedForItsAddressIsAFailedLogonAtOntapsTime() {
        SourceRecord record = ems(refusedLogin());
        Struct event = ocsf(record);

        assertThat(event.getInt32("activity_id")).isEqualTo(1);
        assertThat(event.getInt32("status_id")).isEqualTo(2);
        assertThat(event.getString("status")).isEqualTo("Failure");
        assertThat(event.getString("status_detail")).isEqualTo("Initiator address not authorized");
        assertThat(event.getString("message")).startsWith("iscsi.loginIpNotAuthorized: iSCSI login authorization");
        assertThat(event.getInt32("severity_id")).isEqualTo(2);
        assertThat(event.getString("severity")).isEqualTo("Low");
        assertThat(event.getInt64("time")).isEqualTo(pollTime(1).minusSeconds(2).toEpochMilli());
        assertThat(event.getStruct("user").getString("name")).isEqualTo("iqn.1998-01.com.vmware:esx-rogue");
        assertThat(event.getStruct("src_endpoint").getString("ip")).isEqualTo("203.0.113.66");
        assertThat(event.getStruct("dst_endpoint").getString("name")).isEqualTo("svm1");
        assertThat(event.getStruct("dst_endpoint").getString("interface_name")).isEqualTo("iscsi_lif1");
        assertThat(event.get("session")).isNull();
        Struct metadata = event.getStruct("metadata");
        assertThat(metadata.getString("uid")).isEqualTo(((Struct) record.value()).getString("event_id"));
        assertThat(metadata.getString("event_code")).isEqualTo("iscsi.loginIpNotAuthorized");
        assertThat(metadata.getString("log_provider")).isEqualTo("iscsit");
        assertThat(metadata.getInt64("logged_time")).isEqualTo(pollTime(1).toEpochMilli());
        Struct ontap = event.getStruct("ontap_iscsi");
        assertThat(ontap.getString("ontap_node_uid")).isEqualTo(NODE_UUID);
        assertThat(ontap.getInt64("ontap_ems_index")).isEqualTo(4L);
        assertThat(ontap.getString("ontap_ems_severity")).isEqualTo("notice");
    }

    @Test
    void aFailedLoginCarriesOntapsReasonAndTheReadTimeWhenOntapGaveNone() {
        Struct event = ocsf(ems(failedLogin()));

        assertThat(event.getInt32("status_id")).isEqualTo(2);
        assertThat(event.getString("status_detail")).isEqualTo("Initiator iqn.y: CHAP authentication failed");
        assertThat(event.getInt64("time")).isEqualTo(pollTime(1).toEpochMilli());
        assertThat(event.getStruct("user").getString("name")).isEqualTo("unknown");
        assertThat(event.get("dst_endpoint")).isNull();
        assertThat(event.getStruct("service").getString("name")).isEqualTo("iSCSI");
    }

    @Test
    void initiatorLoginReportsAndNewMessagesAreOtherActivitiesWithoutAnOutcome() {
        Struct missing = ocsf(ems(emsMessage("san.initiator.login.missing", "notice",
                List.of(new EmsParameter("initiator", "iqn.x"), new EmsParameter("vserver", "svm1"),
                        new EmsParameter("portset", "ps1")))));
        Struct newer = ocsf(ems(emsMessage("iscsi.login.newThing", "alert", List.of())));
        Struct odd = ocsf(ems(emsMessage("iscsi.login.newThing", "bizarre", List.of())));

        assertThat(missing.getInt32("activity_id")).isEqualTo(99);
        assertThat(missing.getString("activity_name")).isEqualTo("Login Missing");
        assertThat(missing.get("status_id")).isNull();
        assertThat(missing.getStruct("user").getString("name")).isEqualTo("iqn.x");
        assertThat(missing.getStruct("ontap_iscsi").getString("ontap_portset")).isEqualTo("ps1");
        assertThat(newer.getString("activity_name")).isEqualTo("iscsi.login.newThing");
        assertThat(newer.getInt32("severity_id")).isEqualTo(4);
        assertThat(odd.getInt32("severity_id")).isEqualTo(99);
        assertThat(odd.getString("severity")).isEqualTo("bizarre");
    }

    @Test
    void mapOutputLeavesAbsentAttributesOutAndKeepsKeyTimestampAndTopic() {
        SourceRecord record = keyOnlyLogout(ESX01);
        SourceRecord transformed = transform("map").apply(record);

        assertThat(transformed.valueSchema()).isNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> event = (Map<String, Object>) transformed.value();
        assertThat(event).containsEntry("class_uid", 3002).doesNotContainKeys("src_endpoint", "auth_protocol_id",
                "observables", "status_detail");
        @SuppressWarnings("unchecked")
        Map<String, Object> session = (Map<String, Object>) event.get("session");
        assertThat(session).containsKey("uid_alt").doesNotContainKey("uid");
        assertThat(transformed.key()).isSameAs(record.key());
        assertThat(transformed.keySchema()).isSameAs(record.keySchema());
        assertThat(transformed.timestamp()).isEqualTo(record.timestamp());
        assertThat(transformed.topic()).isEqualTo(record.topic());
        assertThat(transformed.sourceOffset()).isEqualTo(record.sourceOffset());
    }

    @Test
    void structOutputKeepsEveryAttributeWithNullForAbsent() {
        SourceRecord transformed = transform("struct").apply(keyOnlyLogout(ESX01));

        assertThat(transformed.valueSchema()).isEqualTo(OcsfSchemas.AUTHENTICATION);
        assertThat(((Struct) transformed.value()).get("src_endpoint")).isNull();
    }

    @Test
    void structOutputTakesTheAvroConvertersPath() {
        AvroData avro = new AvroData(new AvroDataConfig(AvroContract.CONVERTER_SETTINGS));
        SourceRecord transformed = transform("struct").apply(logout(ESX01));
        org.apache.avro.Schema schema = avro.fromConnectSchema(transformed.valueSchema());

        GenericRecord event = (GenericRecord) avro.fromConnectData(transformed.valueSchema(), transformed.value());

        assertThat(GenericData.get().validate(schema, event)).isTrue();
        assertThat(((GenericRecord) event.get("user")).get("name").toString()).isEqualTo("iqn.1998-01.com.vmware:esx01");
        assertThat(((GenericRecord) event.get("dst_endpoint")).get("ip").toString()).isEqualTo("198.51.100.1");
    }

    @Test
    void aSinkReadingTheTopicThroughAvroGetsTheSameEvents() {
        AvroData avro = new AvroData(new AvroDataConfig(AvroContract.CONVERTER_SETTINGS));
        for (SourceRecord written : List.of(logout(ESX01), ems(refusedLogin()))) {
            Object onTheTopic = avro.fromConnectData(written.valueSchema(), written.value());
            SchemaAndValue read = avro.toConnectData(avro.fromConnectSchema(written.valueSchema()), onTheTopic);
            SinkRecord record = new SinkRecord(written.topic(), 0, null, null, read.schema(), read.value(), 42L);
            ToOcsf<SinkRecord> sinkSide = new ToOcsf<>();
            sinkSide.configure(Map.of(ToOcsf.OUTPUT_CONFIG, "map"));

            assertThat(OcsfJson.of(sinkSide.apply(record))).isEqualTo(OcsfJson.of(transform("map").apply(written)));
        }
    }

    @Test
    void aSinkReadingSchemalessJsonGetsTheSameEventsAsTheSourceConnector() {
        for (Map.Entry<String, SourceRecord> kind : EcsInputs.everyKind().entrySet()) {
            SourceRecord record = kind.getValue();
            SourceRecord schemaless = record.newRecord(record.topic(), null, null, null, null,
                    EcsInputs.schemaless(record), record.timestamp());

            for (String output : List.of("struct", "map")) {
                SourceRecord fromMap = transform(output).apply(schemaless);
                assertThat(fromMap).as(kind.getKey()).isNotSameAs(schemaless);
                assertThat(OcsfJson.of(fromMap)).as(kind.getKey() + ", " + output)
                        .isEqualTo(OcsfJson.of(transform(output).apply(record)));
            }
        }
    }

    @Test
    void recordsItDoesNotKnowPassUnchanged() {
        ToOcsf<SourceRecord> transform = transform("map");
        Schema other = SchemaBuilder.struct().name("com.example.Other").field("a", Schema.STRING_SCHEMA).build();
        SourceRecord health = health();
        SourceRecord table = tableRecord(ESX01);
        SourceRecord tombstone = new SourceRecord(null, null, "ontap.iscsi.sessions", null, EventSchemas.KEY,
                ((Struct) login(ESX01).key()), EventSchemas.VALUE, null);
        SourceRecord foreign = new SourceRecord(null, null, "t", null, other, new Struct(other).put("a", "x"));
        SourceRecord schemaless = new SourceRecord(null, null, "t", null, null, Map.of("event_type", "LOGIN"));
        SourceRecord schemalessTable = new SourceRecord(null, null, "t", null, null, EcsInputs.schemaless(table));

        assertThat(table.valueSchema().name()).isNotEqualTo(EventSchemas.VALUE.name());
        assertThat(List.of(health, table, tombstone, foreign, schemaless, schemalessTable))
                .allSatisfy(record -> assertThat(transform.apply(record)).isSameAs(record));
    }

    @Test
    void outputIsStructUnlessConfiguredAndAnyCaseOfAKnownValueWorks() {
        ToOcsf<SourceRecord> byDefault = new ToOcsf<>();
        byDefault.configure(Map.of());

        assertThat(byDefault.apply(login(ESX01)).value()).isInstanceOf(Struct.class);
        assertThat(transform("MAP").apply(login(ESX01)).value()).isInstanceOf(Map.class);
    }

    @Test
    void anUnknownOutputIsAConfigErrorNamingTheKeyAndTheChoices() {
        assertThatThrownBy(() -> transform("xml")).isInstanceOf(ConfigException.class)
                .hasMessageContainingAll("output", "xml")
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("struct").containsIgnoringCase("map"));
    }

    @Test
    void theWorkerFindsTheTransformWithTheConnectorsVersion() {
        assertThat(ServiceLoader.load(Transformation.class).stream().map(ServiceLoader.Provider::type))
                .contains(ToOcsf.class);
        assertThat(new ToOcsf<SourceRecord>().version()).isEqualTo(Version.get()).isNotEqualTo("unknown");
    }
}
