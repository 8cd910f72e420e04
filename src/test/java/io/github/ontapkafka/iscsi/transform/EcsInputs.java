package io.github.ontapkafka.iscsi.transform;

import io.github.ontapkafka.iscsi.model.IscsiSession;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.ontapkafka.iscsi.fixtures.Sessions.connection;
import static io.github.ontapkafka.iscsi.fixtures.Sessions.session;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.ipv6Connection;

/** The connector records the ECS tests feed the transform: one of every kind it maps, by name. */
final class EcsInputs {

    static final String IQN = "iqn.1998-01.com.vmware:esx01";

    private EcsInputs() {
    }

    /** The ESXi host's session: two connections, cid 2 listed first. */
    static IscsiSession esxSession() {
        return session(7, IQN, connection(2), connection(1));
    }

    /** The same session after connection 2 moved to another initiator address. */
    static IscsiSession esxSessionMoved() {
        return session(7, IQN, connection(2, "192.0.2.99"), connection(1));
    }

    /** Every kind of record the transform maps, named for the README's samples and the conformance test. */
    static Map<String, SourceRecord> everyKind() {
        Map<String, SourceRecord> records = new LinkedHashMap<>();
        records.put("LOGIN", SessionAndEmsRecords.login(esxSession()));
        records.put("LOGOUT", SessionAndEmsRecords.logout(esxSession()));
        records.put("CONNECTION_CHANGE", SessionAndEmsRecords.connectionChange(esxSession(), esxSessionMoved()));
        records.put("SNAPSHOT", SessionAndEmsRecords.snapshot(esxSession()));
        records.put("EMS refused login", SessionAndEmsRecords.ems(SessionAndEmsRecords.refusedLogin()));
        records.put("EMS failed login", SessionAndEmsRecords.ems(SessionAndEmsRecords.failedLogin()));
        records.put("EMS initiator login missing", SessionAndEmsRecords.ems(SessionAndEmsRecords.emsMessage(
                "san.initiator.login.missing", "error", List.of())));
        records.put("EMS other message", SessionAndEmsRecords.ems(SessionAndEmsRecords.emsMessage(
                "iscsi.login.newThing", "informational", List.of())));
        records.put("IPv6 LOGIN", SessionAndEmsRecords.login(session(8, "iqn.1991-05.com.microsoft:win01",
                ipv6Connection(1))));
        records.put("LOGIN without connections", SessionAndEmsRecords.login(session(9,
                "iqn.1994-05.com.redhat:rhel01")));
        records.put("key-only LOGOUT", SessionAndEmsRecords.keyOnlyLogout(esxSession()));
        return records;
    }

    /**
     * The value as a sink connector with JsonConverter {@code schemas.enable=false} reads it back from the topic:
     * nested maps, timestamps as epoch milliseconds.
     */
    static Object schemaless(SourceRecord record) {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "false"), false);
        byte[] json = converter.fromConnectData(record.topic(), record.valueSchema(), record.value());
        return converter.toConnectData(record.topic(), json).value();
    }
}
