package io.github.ontapkafka.iscsi.transform;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ontapkafka.iscsi.model.EmsEvent;
import io.github.ontapkafka.iscsi.model.EmsParameter;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.siem.OcsfSchema;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.github.ontapkafka.iscsi.fixtures.Sessions.connection;
import static io.github.ontapkafka.iscsi.fixtures.Sessions.session;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.connectionChange;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.ems;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.emsMessage;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.failedLogin;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.ipv6Connection;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.keyOnlyLogout;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.login;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.logout;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.refusedLogin;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.snapshot;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.unauthenticatedConnection;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of event the transform writes, in both outputs, as a JSON sink writes it, is valid OCSF 1.5.0 with the
 * connector's extension, checked by the vendored schema's validator; and the extension defines exactly what the
 * transform's Connect schema puts in {@code ontap_iscsi}.
 */
class OcsfConformanceTest {

    private static final Path OCSF_1_5_0 = Path.of("src/test/resources/ocsf/1.5.0");
    private static final Path EXTENSION = Path.of("src/main/resources", OcsfExtension.RESOURCE_DIRECTORY);
    private static final IscsiSession ESX01 = session(7, "iqn.1998-01.com.vmware:esx01", connection(2), connection(1));

    private static OcsfSchema ocsf;

    @BeforeAll
    static void load() {
        ocsf = OcsfSchema.load(OCSF_1_5_0, EXTENSION);
    }

    static Stream<Arguments> records() {
        Map<String, SourceRecord> records = Map.ofEntries(
                Map.entry("LOGIN", login(ESX01)),
                Map.entry("LOGOUT", logout(ESX01)),
                Map.entry("key-only LOGOUT", keyOnlyLogout(ESX01)),
                Map.entry("SNAPSHOT", snapshot(ESX01)),
                Map.entry("CONNECTION_CHANGE", connectionChange(ESX01, session(7, "iqn.1998-01.com.vmware:esx01",
                        connection(1), connection(3)))),
                Map.entry("no connections", login(session(3, "iqn.1998-01.com.vmware:esx02"))),
                Map.entry("IPv6", login(session(4, "iqn.1991-05.com.microsoft:host6", ipv6Connection(1)))),
                Map.entry("auth none", login(session(5, "iqn.1994-05.com.redhat:db1", unauthenticatedConnection(1)))),
                Map.entry("EMS refused", ems(refusedLogin())),
                Map.entry("EMS failed", ems(failedLogin())),
                Map.entry("EMS missing", ems(emsMessage("san.initiator.login.missing", "notice",
                        List.of(new EmsParameter("initiator", "iqn.x"), new EmsParameter("vserver", "svm1"))))),
                Map.entry("EMS restored", ems(emsMessage("san.initiator.login", "notice", List.of()))),
                Map.entry("EMS not required", ems(emsMessage("san.initiator.login.not.req", "notice", List.of()))),
                Map.entry("EMS other, odd severity", ems(emsMessage("iscsi.login.newThing", "bizarre", List.of()))),
                Map.entry("EMS without anything", ems(new EmsEvent("n", null, 1, null, null, null, null, null,
                        null))));
        List<Arguments> arguments = new ArrayList<>();
        records.forEach((name, record) -> {
            for (Output output : Output.values()) {
                arguments.add(Arguments.of(name, output.configValue(), record));
            }
        });
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0}, output={1}")
    @MethodSource("records")
    void everyEventIsValidOcsfWithTheExtension(String name, String output, SourceRecord record) {
        ToOcsf<SourceRecord> transform = new ToOcsf<>();
        transform.configure(Map.of(ToOcsf.OUTPUT_CONFIG, output));
        JsonNode event = OcsfJson.of(transform.apply(record));

        assertThat(ocsf.validate(event)).as(event.toPrettyString()).isEmpty();
        assertThat(event.path("metadata").path("extensions").path(0).path("name").asText())
                .isEqualTo(OcsfExtension.NAME);
    }

    @Test
    void theExtensionFilesSayWhatTheTransformWrites() throws IOException {
        JsonNode extension = OcsfJson.mapper().readTree(EXTENSION.resolve("extension.json").toFile());
        JsonNode object = OcsfJson.mapper().readTree(EXTENSION.resolve("objects/ontap_iscsi.json").toFile());
        List<String> written = OcsfSchemas.ONTAP_ISCSI.fields().stream().map(Field::name).toList();
        List<String> defined = new ArrayList<>();
        object.path("attributes").fieldNames().forEachRemaining(defined::add);

        assertThat(extension.path("name").asText()).isEqualTo(OcsfExtension.NAME);
        assertThat(extension.path("uid").asText()).isEqualTo(OcsfExtension.UID);
        assertThat(extension.path("version").asText()).isEqualTo(OcsfExtension.VERSION);
        assertThat(defined).containsExactlyInAnyOrderElementsOf(written);
        assertThat(written).allMatch(name -> name.startsWith("ontap_"));
    }
}
