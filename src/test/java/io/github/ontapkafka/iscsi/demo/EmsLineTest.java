package io.github.ontapkafka.iscsi.demo;

import io.apicurio.registry.utils.converter.avro.AvroData;
import io.apicurio.registry.utils.converter.avro.AvroDataConfig;
import io.github.ontapkafka.iscsi.event.EmsRecords;
import io.github.ontapkafka.iscsi.fixtures.AvroContract;
import io.github.ontapkafka.iscsi.model.ClusterIdentity;
import io.github.ontapkafka.iscsi.model.EmsEvent;
import io.github.ontapkafka.iscsi.model.EmsParameter;
import io.github.ontapkafka.iscsi.tracking.EmsCursor;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** EMS events turned into records by the connector's own code, converted to Avro as the worker does, then shown. */
class EmsLineTest {

    private static final ClusterIdentity CLUSTER = new ClusterIdentity("4ea7a442-86d1-11e0-ae1c-123478563412",
            "cluster-01");
    private static final String ESX = "iqn.1998-01.com.vmware:esx-rogue";
    private static final Instant LOGGED = Instant.parse("2026-11-30T08:01:02Z");
    private static final Instant READ = LOGGED.plusSeconds(2);
    private static final AvroData AVRO = new AvroData(new AvroDataConfig(AvroContract.CONVERTER_SETTINGS));

    private final EmsLine lines = new EmsLine(Palette.PLAIN, ZoneOffset.UTC);

    @Test
    void aRefusedLoginShowsWhoTriedFromWhereOnWhichLifAndWhereOntapLoggedIt() {
        String shown = lines.format(avro(event("iscsi.loginIpNotAuthorized", LOGGED,
                "iscsi.loginIpNotAuthorized: iSCSI login authorization failure. Initiator " + ESX + " attempted to "
                        + "log in on Vserver svm1, LIF iscsi_lif_a1 from IP address 203.0.113.77",
                "initiator_name", ESX, "vserver", "svm1", "lif", "iscsi_lif_a1",
                "initiator_ip_address", "203.0.113.77")));

        assertThat(shown).isEqualTo("08:01:02  REFUSED            cluster-01   svm1         iscsi_lif_a1      -  "
                + "vmware:esx-rogue        203.0.113.77              address not allowed for this initiator  "
                + "(node cluster-01-01 #4312)");
    }

    @Test
    void aFailedLoginShowsOntapsFreeTextWithoutTheMessageName() {
        String shown = lines.format(avro(event("iscsi.loginFailure", LOGGED,
                "iscsi.loginFailure: ISCSI: iSCSI login failure, 'CHAP authentication failed for " + ESX + "'",
                "m", "CHAP authentication failed for " + ESX)));

        assertThat(shown).startsWith("08:01:02  LOGIN FAILED       cluster-01   -            -                 -  -")
                .endsWith("  ISCSI: iSCSI login failure, 'CHAP authentication failed for " + ESX + "'  "
                        + "(node cluster-01-01 #4312)");
    }

    @Test
    void anInitiatorsLoginsToANodeAreMissingBackOrNoLongerNeeded() {
        assertThat(initiatorLine("san.initiator.login.missing"))
                .contains("  LOGIN MISSING      cluster-01   svm1  ", "  vmware:esx-rogue  ")
                .endsWith("  not logged in to the node  (node cluster-01-01 #4312)");
        assertThat(initiatorLine("san.initiator.login"))
                .contains("  LOGIN BACK  ").endsWith("  logged in to the node again  (node cluster-01-01 #4312)");
        assertThat(initiatorLine("san.initiator.login.not.req")).contains("  LOGIN NOT NEEDED  ")
                .endsWith("  no longer needs to log in to the node  (node cluster-01-01 #4312)");
    }

    @Test
    void anotherMessageShowsItsName() {
        String shown = lines.format(avro(event("iscsi.login.newThing", LOGGED,
                "iscsi.login.newThing: something new", "initiator_name", ESX)));

        assertThat(shown).contains("  EMS                cluster-01  ", "  vmware:esx-rogue  ")
                .endsWith("  iscsi.login.newThing: something new  (node cluster-01-01 #4312)");
    }

    @Test
    void anEventLoggedOnAnEarlierDayIsShownAtItsOwnTimeWithItsDate() {
        String shown = lines.format(avro(event("iscsi.loginFailure", LOGGED.minusSeconds(86_400),
                "iscsi.loginFailure: ISCSI: iSCSI login failure, 'old'", "m", "old")));

        assertThat(shown).startsWith("08:01:02  LOGIN FAILED").endsWith("(node cluster-01-01 #4312, 2026-11-29)");
    }

    @Test
    void withoutOntapsTimeTheLineShowsWhenTheConnectorReadIt() {
        String shown = lines.format(avro(event("iscsi.loginFailure", null, null, "m", "no time")));

        assertThat(shown).startsWith("08:01:04  LOGIN FAILED").endsWith("  -  (node cluster-01-01 #4312)");
    }

    @Test
    void everyColumnStartsWhereItsHeadingDoes() {
        String header = new EventLine(Palette.PLAIN, ZoneOffset.UTC).header(List.of(EmsLine.LEGEND)).lines()
                .reduce((first, second) -> second).orElseThrow();
        String shown = initiatorLine("san.initiator.login.missing");

        for (String heading : List.of("EVENT", "CLUSTER", "SVM", "PORTAL GROUP", "INITIATOR", "ADDRESSES",
                "WHAT CHANGED")) {
            int column = header.indexOf(heading);
            assertThat(shown.charAt(column - 1)).as("space before " + heading).isEqualTo(' ');
            assertThat(shown.charAt(column)).as("value under " + heading).isNotEqualTo(' ');
        }
        int tsih = header.indexOf("TSIH");
        assertThat(shown.substring(tsih, tsih + "TSIH".length())).as("no TSIH, right-aligned").isEqualTo("   -");
    }

    @Test
    void onATerminalTheKindIsColouredAndTheNodeDimmed() {
        String shown = new EmsLine(new Palette(true), ZoneOffset.UTC).format(avro(event("iscsi.loginIpNotAuthorized",
                LOGGED, null, "initiator_name", ESX, "initiator_ip_address", "203.0.113.77")));

        assertThat(shown).contains("\u001b[31mREFUSED          \u001b[0m",
                "\u001b[2m  (node cluster-01-01 #4312)\u001b[0m");
    }

    private String initiatorLine(String messageName) {
        return lines.format(avro(event(messageName, LOGGED, null, "initiator", ESX, "vserver", "svm1",
                "portset", "ps1")));
    }

    /** An event logged by the first node at {@code time} (null: ONTAP gave none), with parameters name, value, ... */
    private static EmsEvent event(String messageName, Instant time, String logMessage, String... parameters) {
        List<EmsParameter> params = new ArrayList<>();
        for (int i = 0; i < parameters.length; i += 2) {
            params.add(new EmsParameter(parameters[i], parameters[i + 1]));
        }
        return new EmsEvent("node-uuid-1", "cluster-01-01", 4312, time, messageName, "notice", logMessage, params,
                "iscsit");
    }

    private static GenericRecord avro(EmsEvent event) {
        SourceRecord record = new EmsRecords("ontap.iscsi.ems").of(CLUSTER, EmsCursor.START, List.of(event), READ)
                .get(0);
        return (GenericRecord) AVRO.fromConnectData(record.valueSchema(), record.value());
    }
}
