package io.github.ontapkafka.iscsi.transform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.ontapkafka.iscsi.fixtures.ReadmeSection;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.predicates.TopicNameMatches;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.github.ontapkafka.iscsi.fixtures.Sessions.connection;
import static io.github.ontapkafka.iscsi.fixtures.Sessions.session;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.connectionChange;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.ems;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.login;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.logout;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.refusedLogin;
import static io.github.ontapkafka.iscsi.transform.SessionAndEmsRecords.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's OCSF section shows the transform's configuration keys and one event of each kind as the transform writes
 * them (output=map, through JsonConverter), made from the connector's own records; this test fails when either
 * drifts. Run with {@code -Dreadme.update=true} to rewrite them. The samples name the connector's version, so a
 * release regenerates them. The sink configurations README shows configure the transform and its predicate as they
 * say.
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

    @Test
    void theReadmesSinkConfigurationsConfigureTheTransformForTheirTopics() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("```json\n(\\{\n  \"name\".*?)```", Pattern.DOTALL).matcher(readme);
        int checked = 0;
        while (block.find()) {
            JsonNode config = OcsfJson.mapper().readTree(block.group(1)).get("config");
            if (!ToOcsf.class.getName().equals(config.path("transforms.ocsf.type").asText())) {
                continue;
            }
            new ToOcsf<SourceRecord>().configure(Map.of(ToOcsf.OUTPUT_CONFIG,
                    config.path("transforms.ocsf.output").asText()));
            TopicNameMatches<SourceRecord> predicate = new TopicNameMatches<>();
            predicate.configure(Map.of("pattern", config.path("predicates.iscsiTopics.pattern").asText()));
            assertThat(config.path("predicates.iscsiTopics.type").asText()).isEqualTo(TopicNameMatches.class.getName());
            for (String topic : config.path("topics").asText().split(",")) {
                assertThat(predicate.test(new SourceRecord(null, null, topic, null, null))).as(topic).isTrue();
            }
            assertThat(predicate.test(new SourceRecord(null, null, "ontap.iscsi.health", null, null))).isFalse();
            checked++;
        }
        assertThat(checked).as("sink configurations with ToOcsf in README").isEqualTo(2);
    }

    private static String json(SourceRecord record) throws JsonProcessingException {
        ToOcsf<SourceRecord> transform = new ToOcsf<>();
        transform.configure(Map.of(ToOcsf.OUTPUT_CONFIG, "map"));
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withSeparators(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        return OcsfJson.mapper().writer(printer).writeValueAsString(OcsfJson.of(transform.apply(record)));
    }
}
