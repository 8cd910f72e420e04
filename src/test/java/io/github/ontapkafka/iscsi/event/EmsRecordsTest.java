package io.github.ontapkafka.iscsi.event;

import io.github.ontapkafka.iscsi.model.ClusterIdentity;
import io.github.ontapkafka.iscsi.model.EmsEvent;
import io.github.ontapkafka.iscsi.model.EmsParameter;
import io.github.ontapkafka.iscsi.tracking.EmsCursor;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EmsRecordsTest {

    private static final ClusterIdentity CLUSTER = new ClusterIdentity("c-uuid", "cluster1");
    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
    private static final Instant LOGGED = Instant.parse("2026-11-30T07:59:58Z");

    private static EmsEvent refused(String node, long index) {
        return new EmsEvent(node, node + "-name", index, LOGGED, "iscsi.loginIpNotAuthorized", "notice",
                "iscsi.loginIpNotAuthorized: iSCSI login authorization failure. Initiator iqn.x attempted to log in "
                        + "on Vserver svm1, LIF lif1 from IP address 203.0.113.9",
                List.of(new EmsParameter("initiator_name", "iqn.x"), new EmsParameter("vserver", "svm1"),
                        new EmsParameter("lif", "lif1"), new EmsParameter("initiator_ip_address", "203.0.113.9")),
                "iscsit");
    }

    @Test
    void aRefusedLoginCarriesWhoFromWhereToWhatAndEveryParameter() {
        SourceRecord record = new EmsRecords("ems").of(CLUSTER, EmsCursor.START, List.of(refused("n1", 41)), NOW).get(0);

        Struct value = (Struct) record.value();
        assertThat(value.getString("event_kind")).isEqualTo("LOGIN_REFUSED_BY_ADDRESS");
        assertThat(value.getString("initiator_name")).isEqualTo("iqn.x");
        assertThat(value.getString("initiator_address")).isEqualTo("203.0.113.9");
        assertThat(value.getString("svm_name")).isEqualTo("svm1");
        assertThat(value.getString("lif_name")).isEqualTo("lif1");
        assertThat(value.getString("node_name")).isEqualTo("n1-name");
        assertThat(value.get("ontap_time")).isEqualTo(Date.from(LOGGED));
        assertThat(value.get("observed_at")).isEqualTo(Date.from(NOW));
        assertThat(value.getArray("parameters")).hasSize(4);
        assertThat(value.getString("log_message")).contains("203.0.113.9");
        assertThat(record.topic()).isEqualTo("ems");
        assertThat(record.timestamp()).isEqualTo(LOGGED.toEpochMilli());
        assertThat(((Struct) record.key()).getInt64("index")).isEqualTo(41L);
    }

    @Test
    void eachRecordCarriesTheCursorAfterItSoThatARestartResumesAfterTheLastCommitted() {
        List<SourceRecord> records = new EmsRecords("ems").of(CLUSTER, EmsCursor.START.after(refused("n2", 5)),
                List.of(refused("n1", 41), refused("n1", 44), refused("n2", 9)), NOW);

        assertThat(records).extracting(SourceRecord::sourceOffset).containsExactly(
                Map.of("format", 1, "node.n1", 41L, "node.n2", 5L),
                Map.of("format", 1, "node.n1", 44L, "node.n2", 5L),
                Map.of("format", 1, "node.n1", 44L, "node.n2", 9L));
        assertThat(records).extracting(SourceRecord::sourcePartition).containsOnly(EmsCursor.partition("c-uuid"));
    }

    @Test
    void theEventIdIsTheSameOnReplayAndDiffersByNodeAndIndex() {
        String id = EventIds.ofEms("c-uuid", "n1", 41);

        assertThat(EventIds.ofEms("c-uuid", "n1", 41)).isEqualTo(id);
        assertThat(List.of(EventIds.ofEms("c-uuid", "n2", 41), EventIds.ofEms("c-uuid", "n1", 42),
                EventIds.ofEms("other", "n1", 41))).doesNotContain(id).doesNotHaveDuplicates();
    }

    @Test
    void kindsFollowTheMessageNameAndAnUnknownOneIsOther() {
        assertThat(EmsEventKind.of("iscsi.loginFailure")).isEqualTo(EmsEventKind.LOGIN_FAILED);
        assertThat(EmsEventKind.of("SAN.initiator.login.missing")).isEqualTo(EmsEventKind.INITIATOR_LOGIN_MISSING);
        assertThat(EmsEventKind.of("san.initiator.login")).isEqualTo(EmsEventKind.INITIATOR_LOGIN_RESTORED);
        assertThat(EmsEventKind.of("san.initiator.login.not.req")).isEqualTo(EmsEventKind.INITIATOR_LOGIN_NOT_REQUIRED);
        assertThat(EmsEventKind.of("iscsi.login.newThing")).isEqualTo(EmsEventKind.OTHER);
        assertThat(EmsEventKind.of(null)).isEqualTo(EmsEventKind.OTHER);
    }

    @Test
    void aFailedLoginKeepsOntapsFreeTextWholeAndInventsNoFields() {
        EmsEvent failed = new EmsEvent("n1", null, 3, null, "iscsi.loginFailure", "notice",
                "iscsi.loginFailure: ISCSI: iSCSI login failure, 'Initiator iqn.y: CHAP authentication failed'",
                List.of(new EmsParameter("m", "Initiator iqn.y: CHAP authentication failed")), null);

        Struct value = (Struct) new EmsRecords("ems").of(CLUSTER, EmsCursor.START, List.of(failed), NOW).get(0).value();

        assertThat(value.getString("event_kind")).isEqualTo("LOGIN_FAILED");
        assertThat(value.getString("initiator_name")).isNull();
        assertThat(value.getString("log_message")).endsWith("CHAP authentication failed'");
        assertThat(value.get("ontap_time")).isNull();
    }
}
