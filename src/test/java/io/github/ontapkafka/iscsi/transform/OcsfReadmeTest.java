package io.github.ontapkafka.iscsi.transform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.github.ontapkafka.iscsi.fixtures.ReadmeSection;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.github.ontapkafka.iscsi.fixtures.Sessions.connection;
import static io.github.ontapkafka.iscsi.fixtures.Sessions.session;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.connectionChange;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.ems;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.login;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.logout;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.refusedLogin;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.snapshot;

/**
 * README's OCSF section shows the transform's configuration keys and one event of each kind as the transform writes
 * them (output=map, through JsonConverter), made from the connector's own records; this test fails when either
 * drifts. Run with {@code -Dreadme.update=true} to rewrite them. The samples name the connector's version, so a
 * release regenerates them.
 */
class OcsfReadmeTest {

    private static final IscsiSession ESX01 = session(7, "iqn.1998-01.com.vmware:esx01", connection(1));

    @Test
    void readmeDocumentsEveryKeyOfTheTransform() throws IOException {
        ReadmeSection.assertGenerated("ocsf-config", ReadmeSection.configTable(ToOcsf.CONFIG_DEF));
    }

    @Test
    void readmeShowsTheEventsTheTransformWrites() throws IOException {
        Map<String, SourceRecord> samples = new LinkedHashMap<>();
        samples.put("LOGIN: Logon", login(ESX01));
        samples.put("LOGOUT: Logoff, with the session's duration", logout(ESX01));
        samples.put("CONNECTION_CHANGE: Other, \"Connection Change\"", connectionChange(ESX01,
                session(7, "iqn.1998-01.com.vmware:esx01", connection(1), connection(2))));
        samples.put("SNAPSHOT: Other, \"Session Present\"", snapshot(ESX01));
        samples.put("EMS LOGIN_REFUSED_BY_ADDRESS: a failed Logon", ems(refusedLogin()));

        StringBuilder markdown = new StringBuilder();
        for (Map.Entry<String, SourceRecord> sample : samples.entrySet()) {
            markdown.append("<details><summary>").append(sample.getKey()).append("</summary>\n\n```json\n")
                    .append(json(sample.getValue())).append("\n```\n\n</details>\n");
        }
        ReadmeSection.assertGenerated("ocsf-samples", markdown.toString());
    }

    private static String json(SourceRecord record) throws JsonProcessingException {
        ToOcsf<SourceRecord> transform = new ToOcsf<>();
        transform.configure(Map.of(ToOcsf.OUTPUT_CONFIG, "map"));
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withSeparators(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        return OcsfJson.mapper().writer(printer).writeValueAsString(OcsfJson.of(transform.apply(record)));
    }
}
