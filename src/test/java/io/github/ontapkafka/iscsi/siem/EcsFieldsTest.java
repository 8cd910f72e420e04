package io.github.ontapkafka.iscsi.siem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The ECS validator bites: a hand-written login document passes, and each kind of violation is reported. */
class EcsFieldsTest {

    static final Path ECS_9_4_0 = Path.of("src/test/resources/ecs/9.4.0/ecs_flat.yml");
    private static final Path VALID_LOGIN = Path.of("src/test/resources/ecs/examples/iscsi-login.json");
    private static final Set<String> ONTAP = Set.of("ontap.");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EcsFields ecs;

    @BeforeAll
    static void load() {
        ecs = EcsFields.load(ECS_9_4_0);
    }

    private static ObjectNode login() throws IOException {
        return (ObjectNode) JSON.readTree(VALID_LOGIN.toFile());
    }

    private static ObjectNode at(ObjectNode document, String field) {
        return (ObjectNode) document.get(field);
    }

    @Test
    void aHandWrittenLoginIsValid() throws IOException {
        assertThat(ecs.validate(login(), ONTAP)).isEmpty();
        assertThat(ecs.version()).isEqualTo("9.4.0");
    }

    @Test
    void dottedKeysMeanTheSameFieldsAsNestedObjects() throws IOException {
        ObjectNode document = login();
        document.remove("source");
        document.put("source.ip", "192.0.2.10").put("source.port", 51000);

        assertThat(ecs.validate(document, ONTAP)).isEmpty();
    }

    @Test
    void fieldsOutsideEcsAreReportedUnlessUnderACustomPrefix() throws IOException {
        ObjectNode document = login();
        at(document, "user").put("iqn", "iqn.1998-01.com.vmware:esx01");

        assertThat(ecs.validate(document, ONTAP))
                .containsExactly("user.iqn: not an ECS 9.4.0 field and not under a custom prefix [ontap]");
        assertThat(ecs.validate(login(), Set.of())).containsExactlyInAnyOrder(
                "ontap.svm.name: not an ECS 9.4.0 field and not under a custom prefix []",
                "ontap.tsih: not an ECS 9.4.0 field and not under a custom prefix []");
    }

    @Test
    void aCustomPrefixMustNotLieInsideAnEcsFieldSet() throws IOException {
        assertThat(ecs.validate(login(), Set.of("ontap.", "host.ontap.")))
                .containsExactly("host.ontap: custom prefix collides with the ECS field set \"host\"");
    }

    @Test
    void ipFieldsHoldAddressLiteralsAlsoInArrays() throws IOException {
        ObjectNode document = login();
        at(document, "source").put("ip", "10a0a0a1");
        at(document, "related").putArray("ip").add("192.0.2.10").add("svm1");

        assertThat(ecs.validate(document, ONTAP)).containsExactlyInAnyOrder(
                "source.ip: expected an IPv4 or IPv6 address literal (ip) but got a string \"10a0a0a1\"",
                "related.ip: expected an IPv4 or IPv6 address literal (ip) but got a string \"svm1\"");
    }

    @Test
    void valuesOfTheWrongTypeAreReported() throws IOException {
        ObjectNode document = login().put("@timestamp", "yesterday");
        at(document, "source").put("port", "51000");
        at(document, "event").put("duration", 1.5);
        at(document, "labels").put("count", 3);

        assertThat(ecs.validate(document, ONTAP)).containsExactlyInAnyOrder(
                "@timestamp: expected an ISO-8601 date-time string or epoch milliseconds (date) but got a string \"yesterday\"",
                "source.port: expected an integer that fits long but got a string \"51000\"",
                "event.duration: expected an integer that fits long but got a floating-point number 1.5",
                "labels.count: expected a string (keyword) but got an integer 3");
    }

    @Test
    void allowedValuesAreChecked() throws IOException {
        ObjectNode document = login();
        at(document, "event").put("kind", "session").put("outcome", "ok");

        assertThat(ecs.validate(document, ONTAP)).containsExactlyInAnyOrder(
                "event.kind: \"session\" is not an allowed value; allowed: [alert, asset, enrichment, event, metric,"
                        + " state, pipeline_error, signal]",
                "event.outcome: \"ok\" is not an allowed value; allowed: [failure, success, unknown]");
    }

    @Test
    void everyEventTypeMustBeExpectedForEveryCategory() throws IOException {
        ObjectNode document = login();
        at(document, "event").putArray("type").add("change");

        assertThat(ecs.validate(document, ONTAP)).containsExactlyInAnyOrder(
                "event.type: \"change\" is not an expected type for event.category \"authentication\"; expected: [start, end, info]",
                "event.type: \"change\" is not an expected type for event.category \"session\"; expected: [start, end, info]");
    }

    @Test
    void fieldsEcsNormalizesToArraysMustBeArrays() throws IOException {
        ObjectNode document = login();
        at(document, "event").put("category", "authentication");

        assertThat(ecs.validate(document, ONTAP))
                .containsExactly("event.category: ECS normalizes this field to an array; write [\"authentication\"]");
    }

    @Test
    void timestampAndTheVendoredEcsVersionAreRequired() throws IOException {
        ObjectNode missing = login();
        missing.remove(List.of("@timestamp", "ecs"));
        ObjectNode older = login();
        at(older, "ecs").put("version", "8.17.0");

        assertThat(ecs.validate(missing, ONTAP)).containsExactlyInAnyOrder(
                "@timestamp: required by ECS in every document but missing",
                "ecs.version: required by ECS in every document but missing");
        assertThat(ecs.validate(older, ONTAP)).containsExactly("ecs.version: \"8.17.0\" but these fields are ECS 9.4.0");
    }
}
