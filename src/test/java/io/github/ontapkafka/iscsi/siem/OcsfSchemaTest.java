package io.github.ontapkafka.iscsi.siem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OCSF validator bites: a hand-written Authentication (3002) Logon passes, and each kind of violation is
 * reported with its JSON path.
 */
class OcsfSchemaTest {

    static final Path OCSF_1_5_0 = Path.of("src/test/resources/ocsf/1.5.0");
    static final Path TEST_EXTENSION = Path.of("src/test/resources/ocsf/test-extension");
    private static final Path VALID_LOGON = Path.of("src/test/resources/ocsf/examples/authentication-logon.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static OcsfSchema schema;
    private static OcsfSchema extended;

    @BeforeAll
    static void load() {
        schema = OcsfSchema.load(OCSF_1_5_0);
        extended = OcsfSchema.load(OCSF_1_5_0, TEST_EXTENSION);
    }

    private static ObjectNode logon() throws IOException {
        return (ObjectNode) JSON.readTree(VALID_LOGON.toFile());
    }

    private static ObjectNode at(ObjectNode event, String field) {
        return (ObjectNode) event.get(field);
    }

    @Test
    void aHandWrittenLogonIsValidWithAndWithoutTheExtension() throws IOException {
        assertThat(schema.validate(logon())).isEmpty();
        assertThat(extended.validate(logon())).isEmpty();
        assertThat(schema.version()).isEqualTo("1.6.0-dev");
    }

    @Test
    void undefinedAttributesAreReportedAtTopLevelAndNested() throws IOException {
        ObjectNode event = logon();
        event.put("initiator_iqn", "iqn.1998-01.com.vmware:esx01");
        at(event, "user").put("iqn", "iqn.1998-01.com.vmware:esx01");

        assertThat(schema.validate(event)).containsExactlyInAnyOrder(
                "initiator_iqn: attribute is not defined in class \"authentication\" (3002)",
                "user.iqn: attribute is not defined in object \"user\"");
    }

    @Test
    void missingRequiredAttributesAreReportedAndNullCountsAsMissing() throws IOException {
        ObjectNode event = logon();
        event.remove("user");
        at(event, "metadata").putNull("product");

        assertThat(schema.validate(event)).containsExactlyInAnyOrder(
                "user: required attribute of class \"authentication\" (3002) is missing",
                "metadata.product: required attribute of object \"metadata\" is missing");
    }

    @Test
    void anEnumIdOutsideTheClassEnumIsReported() throws IOException {
        ObjectNode event = logon();
        event.put("auth_protocol_id", 13);

        assertThat(schema.validate(event)).singleElement().asString()
                .startsWith("auth_protocol_id: 13 is not a member of the auth_protocol_id enum; allowed: 0 Unknown, 1 NTLM");
    }

    @Test
    void theClassExtendsTheDictionaryEnum() throws IOException {
        ObjectNode accountSwitch = logon().put("activity_id", 7).put("type_uid", 300207);
        accountSwitch.remove(List.of("activity_name", "type_name"));
        ObjectNode preauth = logon().put("activity_id", 6).put("activity_name", "Preauth")
                .put("type_uid", 300206).put("type_name", "Authentication: Preauth");

        assertThat(schema.validate(accountSwitch)).containsExactlyInAnyOrder(
                "activity_id: 7 is not a member of the activity_id enum; allowed: 0 Unknown, 1 Logon, 2 Logoff,"
                        + " 3 Authentication Ticket, 4 Service Ticket Request, 5 Service Ticket Renew, 6 Preauth, 99 Other",
                "type_uid: 300207 is not a member of the type_uid enum; allowed: 300200 Authentication: Unknown,"
                        + " 300201 Authentication: Logon, 300202 Authentication: Logoff,"
                        + " 300203 Authentication: Authentication Ticket, 300204 Authentication: Service Ticket Request,"
                        + " 300205 Authentication: Service Ticket Renew, 300206 Authentication: Preauth,"
                        + " 300299 Authentication: Other");
        assertThat(schema.validate(preauth)).isEmpty();
    }

    @Test
    void aSiblingStringMustBeTheEnumCaption() throws IOException {
        ObjectNode event = logon().put("activity_name", "Login");
        at(event, "user").put("type", "Service");

        assertThat(schema.validate(event)).containsExactlyInAnyOrder(
                "activity_name: \"Login\" does not match \"Logon\", the caption of activity_id 1",
                "user.type: \"Service\" does not match \"System\", the caption of type_id 3");
    }

    @Test
    void otherNeedsTheSourceLabelInItsSibling() throws IOException {
        ObjectNode unlabelled = logon().put("auth_protocol_id", 99);
        unlabelled.remove("auth_protocol");
        ObjectNode labelled = logon().put("auth_protocol_id", 99).put("auth_protocol", "none");

        assertThat(schema.validate(unlabelled))
                .containsExactly("auth_protocol: must carry the source's own label because auth_protocol_id is 99 (Other)");
        assertThat(schema.validate(labelled)).isEmpty();
    }

    @Test
    void typeUidMustBeClassUidTimesHundredPlusActivityAndTheCategoryMustBeTheClasses() throws IOException {
        ObjectNode event = logon().put("type_uid", 300202).put("category_uid", 1);

        assertThat(schema.validate(event)).containsExactlyInAnyOrder(
                "type_name: \"Authentication: Logon\" does not match \"Authentication: Logoff\", the caption of type_uid 300202",
                "category_uid: 1 is not a member of the category_uid enum; allowed: 3 Identity & Access Management",
                "type_uid: 300202 but class_uid 3002 × 100 + activity_id 1 = 300201");
    }

    @Test
    void aPortOutsideItsRangeIsReported() throws IOException {
        ObjectNode event = logon();
        at(event, "dst_endpoint").put("port", 70000);

        assertThat(schema.validate(event)).containsExactly("dst_endpoint.port: 70000 is outside the range 0..65535 of port_t");
    }

    @Test
    void anIpMustBeAnAddressLiteralEvenWhereTheSchemaRegexIsLoose() throws IOException {
        ObjectNode looseMatch = logon();
        at(looseMatch, "src_endpoint").put("ip", "10a0a0a1");
        ObjectNode outOfRange = logon();
        at(outOfRange, "src_endpoint").put("ip", "300.1.1.1");

        assertThat(schema.validate(looseMatch))
                .containsExactly("src_endpoint.ip: \"10a0a0a1\" is not an IPv4 or IPv6 address literal (ip_t)");
        assertThat(schema.validate(outOfRange)).containsExactlyInAnyOrder(
                "src_endpoint.ip: \"300.1.1.1\" does not match the regex of ip_t",
                "src_endpoint.ip: \"300.1.1.1\" is not an IPv4 or IPv6 address literal (ip_t)");
    }

    @Test
    void valuesOfTheWrongTypeAreReported() throws IOException {
        ObjectNode event = logon().put("is_remote", "true").put("severity_id", 1.0);
        event.put("session", "400001370000:1234");
        event.putArray("observables").add(JSON.createObjectNode().put("type_id", 2).put("value", 10));

        assertThat(schema.validate(event)).containsExactlyInAnyOrder(
                "is_remote: expected boolean_t but got a string \"true\"",
                "severity_id: expected integer_t but got a floating-point number 1.0",
                "session: expected object \"session\" but got a string \"400001370000:1234\"",
                "observables[0].value: expected string_t but got an integer 10");
    }

    @Test
    void timestampsAreEpochMilliseconds() throws IOException {
        ObjectNode event = logon().put("time", 1764495000L);

        assertThat(schema.validate(event)).containsExactly("time: 1764495000 does not look like epoch milliseconds (timestamp_t)");
    }

    @Test
    void constraintsOfClassesAndObjectsAreChecked() throws IOException {
        ObjectNode event = logon();
        event.remove("dst_endpoint");
        at(event, "user").remove("name");

        assertThat(schema.validate(event)).containsExactlyInAnyOrder(
                "(event): class \"authentication\" (3002) needs at least one of [service, dst_endpoint]",
                "user: object \"user\" needs at least one of [account, name, uid]");
    }

    @Test
    void observableTypeIdsAreGatheredFromTheWholeSchema() throws IOException {
        ObjectNode event = logon();
        ObjectNode observable = (ObjectNode) event.get("observables").get(0);
        observable.put("type", "IP");

        assertThat(schema.validate(event)).containsExactly(
                "observables[0].type: \"IP\" does not match \"IP Address\", the caption of type_id 2");
    }

    @Test
    void profileAttributesNeedTheProfileInMetadataProfiles() throws IOException {
        ObjectNode undeclared = logon().put("time_dt", "2025-11-30T09:30:00Z");
        undeclared.putObject("device").put("hostname", "esx01").put("type_id", 1);
        ObjectNode declared = undeclared.deepCopy();
        at(declared, "metadata").putArray("profiles").add("datetime").add("host");

        assertThat(schema.validate(undeclared)).containsExactlyInAnyOrder(
                "time_dt: attribute of profile(s) [datetime], which metadata.profiles does not list",
                "device: attribute of profile(s) [host], which metadata.profiles does not list");
        assertThat(schema.validate(declared)).isEmpty();
    }

    @Test
    void iamFreesActorFromTheHostProfile() throws IOException {
        ObjectNode event = logon();
        event.putObject("actor").putObject("user").put("name", "admin");

        assertThat(schema.validate(event)).isEmpty();
    }

    @Test
    void unknownProfilesAndClassesAreReported() throws IOException {
        ObjectNode unknownProfile = logon();
        at(unknownProfile, "metadata").putArray("profiles").add("iscsi");
        ObjectNode unknownClass = logon().put("class_uid", 3999);

        assertThat(schema.validate(unknownProfile)).singleElement().asString()
                .startsWith("metadata.profiles[0]: \"iscsi\" is not a profile of this schema; known: [cloud, container,");
        assertThat(schema.validate(unknownClass)).containsExactly("class_uid: no class of this schema has uid 3999");
    }

    @Test
    void extensionAttributesAreAcceptedOnlyWithTheExtensionLoaded() throws IOException {
        ObjectNode event = logon();
        at(event, "metadata").putArray("profiles").add("test_iscsi/iscsi");
        event.putObject("iscsi_session").put("isid", "400001370000").put("tsih", 4660);
        at(event, "dst_endpoint").put("portal_group_tag", 1027);

        assertThat(extended.validate(event)).isEmpty();
        assertThat(schema.validate(event)).containsExactlyInAnyOrder(
                "metadata.profiles[0]: \"test_iscsi/iscsi\" is not a profile of this schema; known: [cloud, container,"
                        + " data_classification, datetime, host, incident, load_balancer, network_proxy, osint,"
                        + " security_control, trace]",
                "iscsi_session: attribute is not defined in class \"authentication\" (3002)",
                "dst_endpoint.portal_group_tag: attribute is not defined in object \"network_endpoint\"");
        assertThat(extended.profiles()).contains("test_iscsi/iscsi");
    }

    @Test
    void extensionProfileAttributesNeedTheScopedProfileAndExtensionObjectsAreChecked() throws IOException {
        ObjectNode undeclared = logon();
        undeclared.putObject("iscsi_session").put("tsih", 4660);
        ObjectNode declared = undeclared.deepCopy();
        at(declared, "metadata").putArray("profiles").add("test_iscsi/iscsi");

        assertThat(extended.validate(undeclared))
                .containsExactly("iscsi_session: attribute of profile(s) [test_iscsi/iscsi], which metadata.profiles does not list");
        assertThat(extended.validate(declared))
                .containsExactly("iscsi_session.isid: required attribute of object \"iscsi_session\" is missing");
    }

    @Test
    void anEventWithoutClassUidCannotBeChecked() throws IOException {
        ObjectNode event = logon();
        event.remove("class_uid");

        assertThat(schema.validate(event)).containsExactly("class_uid: required attribute is missing; without it no class can be checked");
    }
}
