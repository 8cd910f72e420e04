package io.github.ontapkafka.iscsi.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoOptionsTest {

    @Test
    void withoutOptionsTheDemoRunsTheSimulatorAtAHumanPace() {
        DemoOptions options = DemoOptions.parse();

        assertThat(options.simulated()).isTrue();
        assertThat(options.clusters()).isEqualTo(2);
        assertThat(options.sessions()).isEqualTo(12);
        assertThat(options.pollSeconds()).isEqualTo(2);
        assertThat(options.snapshotMode()).isEqualTo("initial");
        assertThat(options.color()).isTrue();
        assertThat(options.verifyHostname()).isTrue();
        assertThat(options.ems()).as("the simulator's event log is always read").isTrue();
        assertThat(options.siem()).as("the demo's own lines").isNull();
        assertThat(options.help()).isFalse();
    }

    @Test
    void theEventsCanBeShownInTheFormOfEitherSiemSchema() {
        assertThat(DemoOptions.parse("--siem", "OCSF").siem()).isEqualTo("ocsf");
        assertThat(DemoOptions.parse("--ontap", "https://c1", "--username", "u", "--siem=ecs").siem()).isEqualTo("ecs");
    }

    @Test
    void aRealClustersEventLogIsReadOnlyWithEms() {
        assertThat(DemoOptions.parse("--ontap", "https://c1", "--username", "u").ems()).isFalse();
        assertThat(DemoOptions.parse("--ontap", "https://c1", "--username", "u", "--ems").ems()).isTrue();
    }

    @Test
    void aRealClusterTakesItsUrlsUserAndTrust() {
        DemoOptions options = DemoOptions.parse("--ontap", "https://cluster1.example.com, https://10.0.0.5:8443",
                "--username", "kafka-monitor", "--truststore", "certs/ontap-ca.pem", "--no-verify-hostname",
                "--snapshot", "NEVER", "--poll-seconds", "10", "--no-color");

        assertThat(options.simulated()).isFalse();
        assertThat(options.ontapUrls()).containsExactly("https://cluster1.example.com", "https://10.0.0.5:8443");
        assertThat(options.username()).isEqualTo("kafka-monitor");
        assertThat(options.truststore()).isEqualTo(Path.of("certs/ontap-ca.pem").toAbsolutePath());
        assertThat(options.truststoreType()).isEqualTo("PEM");
        assertThat(options.verifyHostname()).isFalse();
        assertThat(options.snapshotMode()).isEqualTo("never");
        assertThat(options.pollSeconds()).isEqualTo(10);
        assertThat(options.color()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"ca.pem,PEM", "ca.crt,PEM", "ca.CER,PEM", "trust.jks,JKS", "trust.p12,PKCS12", "trust.pfx,PKCS12"})
    void theTruststoreTypeFollowsTheFileNameUnlessGiven(String file, String type) {
        assertThat(DemoOptions.parse("--ontap", "https://c1", "--username", "u", "--truststore", file)
                .truststoreType()).isEqualTo(type);
        assertThat(DemoOptions.parse("--ontap", "https://c1", "--username", "u", "--truststore", file,
                "--truststore-type", "jks").truststoreType()).isEqualTo("JKS");
    }

    @Test
    void basicIsTheDefaultMethodWithTheUsernameAndNothingElse() {
        DemoOptions options = DemoOptions.parse("--ontap", "https://c1", "--username", "kafka-monitor");

        assertThat(options.authMethod()).isEqualTo("basic");
        assertThat(options.username()).isEqualTo("kafka-monitor");
        assertThat(options.certificate()).isNull();
        assertThat(options.oauth2()).isNull();
        assertThat(options.filter()).isNull();
        assertThat(DemoOptions.parse("--ontap", "https://c1", "--auth", "BASIC", "--username", "u").authMethod())
                .isEqualTo("basic");
    }

    @Test
    void aCertificateTakesItsKeystoreAndNoUsername() {
        DemoOptions options = DemoOptions.parse("--ontap", "https://c1", "--auth", "certificate",
                "--keystore", "certs/kafka-monitor.p12", "--truststore", "certs/ontap-ca.pem");

        assertThat(options.authMethod()).isEqualTo("certificate");
        assertThat(options.username()).isNull();
        assertThat(options.oauth2()).isNull();
        assertThat(options.certificate()).isEqualTo(new DemoOptions.ClientCertificate(
                Path.of("certs/kafka-monitor.p12").toAbsolutePath(), "PKCS12", null));
        assertThat(options.truststoreType()).isEqualTo("PEM");
    }

    @Test
    void aPemCertificateMayHaveItsKeyInAFileOfItsOwn() {
        DemoOptions options = DemoOptions.parse("--ontap", "https://c1", "--auth=certificate",
                "--keystore=kafka-monitor.crt", "--key=kafka-monitor.key");

        assertThat(options.certificate()).isEqualTo(new DemoOptions.ClientCertificate(
                Path.of("kafka-monitor.crt").toAbsolutePath(), "PEM", Path.of("kafka-monitor.key").toAbsolutePath()));
        assertThat(DemoOptions.parse("--ontap", "https://c1", "--auth", "certificate", "--keystore", "id.bin",
                "--keystore-type", "pem", "--key", "id.key").certificate().type()).isEqualTo("PEM");
    }

    @ParameterizedTest
    @CsvSource({"id.pem,PEM", "id.crt,PEM", "id.jks,JKS", "id.p12,PKCS12", "id.pfx,PKCS12"})
    void theKeystoreTypeFollowsTheFileNameUnlessGiven(String file, String type) {
        assertThat(DemoOptions.parse("--ontap", "https://c1", "--auth", "certificate", "--keystore", file)
                .certificate().type()).isEqualTo(type);
        assertThat(DemoOptions.parse("--ontap", "https://c1", "--auth", "certificate", "--keystore", file,
                "--keystore-type", "jks").certificate().type()).isEqualTo("JKS");
    }

    @Test
    void oauth2TakesItsClientAndNoUsername() {
        DemoOptions options = DemoOptions.parse("--ontap", "https://c1", "--auth", "oauth2",
                "--token-url", "https://idp.example.com/oauth2/token", "--client-id", "kafka-connect",
                "--scope", "ontap.read ontap.sessions", "--audience", "ontap");

        assertThat(options.authMethod()).isEqualTo("oauth2");
        assertThat(options.username()).isNull();
        assertThat(options.certificate()).isNull();
        assertThat(options.oauth2()).isEqualTo(new DemoOptions.OAuth2Client("https://idp.example.com/oauth2/token",
                "kafka-connect", "ontap.read ontap.sessions", "ontap"));
    }

    @Test
    void oauth2ScopeAndAudienceAreOptional() {
        DemoOptions.OAuth2Client client = DemoOptions.parse("--ontap", "https://c1", "--auth", "oauth2",
                "--token-url", "http://127.0.0.1:9000/token", "--client-id", "kafka-connect").oauth2();

        assertThat(client.scope()).isNull();
        assertThat(client.audience()).isNull();
    }

    @Test
    void theFilterScopesRealClustersAndTheSimulatorAlike() {
        assertThat(DemoOptions.parse("--filter", "svm.name=svm_prod_*").filter()).isEqualTo("svm.name=svm_prod_*");
        assertThat(DemoOptions.parse("--ontap", "https://c1", "--username", "u",
                "--filter=svm.name=prod_*&initiator.name=iqn.1998-01.com.vmware:*").filter())
                .isEqualTo("svm.name=prod_*&initiator.name=iqn.1998-01.com.vmware:*");
        assertThat(DemoOptions.parse("--filter", " ").filter()).as("blank: every session").isNull();
    }

    @Test
    void aFilterTheConnectorWouldRefuseIsRefusedBeforeAnythingStarts() {
        assertThatThrownBy(() -> DemoOptions.parse("--filter", "svm.name"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--filter svm.name: 'svm.name' has no '=': each term is field=expression");
        assertThatThrownBy(() -> DemoOptions.parse("--filter", "svm=prod"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--filter svm=prod: ");
    }

    @Test
    void valuesMayFollowAnEqualsSign() {
        DemoOptions options = DemoOptions.parse("--ontap=https://c1", "--username=u", "--poll-seconds=5");

        assertThat(options.ontapUrls()).containsExactly("https://c1");
        assertThat(options.username()).isEqualTo("u");
        assertThat(options.pollSeconds()).isEqualTo(5);
    }

    @Test
    void helpIsAskedForEitherWay() {
        assertThat(DemoOptions.parse("--help").help()).isTrue();
        assertThat(DemoOptions.parse("-h").help()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--clusters 3 --verbose                  | Unknown option --verbose",
            "simulator                               | Not an option: simulator",
            "--sessions                              | Option --sessions needs a value",
            "--ontap https://c1 | --ontap needs --username (or --auth certificate or --auth oauth2)",
            "--ontap ,                               | --ontap needs at least one URL",
            "--username admin                        | --username goes with --ontap",
            "--no-verify-hostname                    | --no-verify-hostname goes with --ontap",
            "--ems                                   | --ems goes with --ontap",
            "--ontap https://c1 --username u --ems=yes | Unknown option --ems=yes",
            "--ontap https://c1 --username u --clusters 3 | --clusters is for the simulator, not with --ontap",
            "--ontap https://c1 --username u --truststore-type PEM | --truststore-type goes with --truststore",
            "--ontap https://c1 --username u --truststore t --truststore-type DER "
                    + "| --truststore-type must be one of [JKS, PEM, PKCS12], not DER",
            "--poll-seconds 0                        | --poll-seconds must be at least 1, not 0",
            "--sessions many                         | --sessions needs a whole number, not many",
            "--snapshot always                       | --snapshot must be one of [initial, never], not always",
            "--no-color=yes                          | Unknown option --no-color=yes",
            "--siem cef                              | --siem must be one of [ecs, ocsf], not cef",
            "--ontap https://c1 --username u --password pw | Unknown option --password",
            "--ontap https://c1 --auth oauth2 --client-secret s | Unknown option --client-secret",
            "--auth certificate                      | --auth goes with --ontap",
            "--keystore client.p12                   | --keystore goes with --ontap",
            "--token-url https://idp/token           | --token-url goes with --ontap",
            "--client-id demo                        | --client-id goes with --ontap",
            "--ontap https://c1 --auth kerberos | --auth must be one of [basic, certificate, oauth2], not kerberos",
            "--ontap https://c1 --auth basic | --ontap needs --username (or --auth certificate or --auth oauth2)",
            "--ontap https://c1 --username u --keystore c.p12 "
                    + "| --keystore goes with --auth certificate, not with --auth basic",
            "--ontap https://c1 --username u --scope s | --scope goes with --auth oauth2, not with --auth basic",
            "--ontap https://c1 --auth certificate   | --auth certificate needs --keystore",
            "--ontap https://c1 --auth certificate --keystore c.p12 --username u "
                    + "| --username goes with --auth basic, not with --auth certificate",
            "--ontap https://c1 --auth certificate --keystore c.p12 --client-id x "
                    + "| --client-id goes with --auth oauth2, not with --auth certificate",
            "--ontap https://c1 --auth certificate --keystore c.p12 --keystore-type DER "
                    + "| --keystore-type must be one of [JKS, PEM, PKCS12], not DER",
            "--ontap https://c1 --auth certificate --keystore c.p12 --key k.pem "
                    + "| --key is for a PEM keystore; c.p12 is read as PKCS12 (--keystore-type PEM if it is PEM)",
            "--ontap https://c1 --auth oauth2 --client-id x | --auth oauth2 needs --token-url",
            "--ontap https://c1 --auth oauth2 --token-url https://idp/token | --auth oauth2 needs --client-id",
            "--ontap https://c1 --auth oauth2 --token-url idp/token --client-id x "
                    + "| --token-url needs an http(s) URL, not idp/token",
            "--ontap https://c1 --auth oauth2 --token-url https://idp/token --client-id x --username u "
                    + "| --username goes with --auth basic, not with --auth oauth2",
            "--ontap https://c1 --auth oauth2 --token-url https://idp/token --client-id x --keystore c.pem "
                    + "| --keystore goes with --auth certificate, not with --auth oauth2"})
    void mistakesAreNamed(String arguments, String message) {
        assertThatThrownBy(() -> DemoOptions.parse(arguments.trim().split(" +")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void theSimulatorTakesItsSize() {
        DemoOptions options = DemoOptions.parse("--clusters", "3", "--sessions", "0");

        assertThat(options.clusters()).isEqualTo(3);
        assertThat(options.sessions()).isZero();
    }

    @Test
    void theUsageTextDescribesEveryOption() {
        assertThat(DemoOptions.usage()).startsWith("Usage: ./demo [options]").contains("--clusters N",
                "--sessions N", "--ontap URL", "--username NAME", "--truststore FILE", "--truststore-type TYPE",
                "--no-verify-hostname", "--ems", "--poll-seconds N", "--snapshot MODE", "--no-color", "--help",
                "--auth METHOD", "--keystore FILE", "--keystore-type TYPE", "--key FILE", "--token-url URL",
                "--client-id ID", "--scope SCOPE", "--audience AUDIENCE", "--filter EXPR", "--siem FORM",
                "ONTAP_PASSWORD", "ONTAP_TRUSTSTORE_PASSWORD", "ONTAP_KEYSTORE_PASSWORD", "ONTAP_KEY_PASSWORD",
                "ONTAP_OAUTH2_CLIENT_SECRET");
    }
}
