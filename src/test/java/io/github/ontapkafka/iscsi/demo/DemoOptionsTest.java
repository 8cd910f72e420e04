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
        assertThat(options.help()).isFalse();
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
            "--ontap https://c1                      | --ontap needs --username",
            "--ontap ,                               | --ontap needs at least one URL",
            "--username admin                        | --username goes with --ontap",
            "--no-verify-hostname                    | --no-verify-hostname goes with --ontap",
            "--ontap https://c1 --username u --clusters 3 | --clusters is for the simulator, not with --ontap",
            "--ontap https://c1 --username u --truststore-type PEM | --truststore-type goes with --truststore",
            "--ontap https://c1 --username u --truststore t --truststore-type DER "
                    + "| --truststore-type must be one of [JKS, PEM, PKCS12], not DER",
            "--poll-seconds 0                        | --poll-seconds must be at least 1, not 0",
            "--sessions many                         | --sessions needs a whole number, not many",
            "--snapshot always                       | --snapshot must be one of [initial, never], not always",
            "--no-color=yes                          | Unknown option --no-color=yes"})
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
                "--no-verify-hostname", "--poll-seconds N", "--snapshot MODE", "--no-color", "--help",
                "ONTAP_PASSWORD", "ONTAP_TRUSTSTORE_PASSWORD");
    }
}
