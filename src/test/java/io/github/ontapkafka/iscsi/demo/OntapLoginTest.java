package io.github.ontapkafka.iscsi.demo;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OntapLoginTest {

    private static final DemoOptions BASIC = DemoOptions.parse("--ontap", "https://c1", "--username", "kafka-monitor",
            "--truststore", "ca.p12");
    private static final DemoOptions CERTIFICATE = DemoOptions.parse("--ontap", "https://c1", "--auth", "certificate",
            "--keystore", "id.pem", "--key", "id.key");
    private static final DemoOptions OAUTH2 = DemoOptions.parse("--ontap", "https://c1", "--auth", "oauth2",
            "--token-url", "https://idp/token", "--client-id", "kafka-connect");

    private final List<String> questions = new ArrayList<>();

    @Test
    void basicTakesThePasswordFromTheEnvironmentWithoutAsking() throws DemoFailure {
        OntapLogin login = OntapLogin.read(BASIC, Map.of("ONTAP_PASSWORD", "s3cret-pw",
                "ONTAP_TRUSTSTORE_PASSWORD", "trust-pw")::get, this::typed);

        assertThat(login).isEqualTo(OntapLogin.basic("kafka-monitor", "s3cret-pw", "trust-pw"));
        assertThat(questions).isEmpty();
    }

    @Test
    void basicAsksForThePasswordWhenTheEnvironmentHasNone() throws DemoFailure {
        OntapLogin login = OntapLogin.read(BASIC, Map.of("ONTAP_PASSWORD", "")::get, this::typed);

        assertThat(login.password()).isEqualTo("typed-secret");
        assertThat(questions).containsExactly("ONTAP password for kafka-monitor: ");
    }

    @Test
    void certificateTakesItsPasswordsFromTheEnvironmentIfSetAndNeverAsks() throws DemoFailure {
        OntapLogin withPasswords = OntapLogin.read(CERTIFICATE, Map.of("ONTAP_KEYSTORE_PASSWORD", "store-pw",
                "ONTAP_KEY_PASSWORD", "key-pw", "ONTAP_PASSWORD", "not-for-certificates")::get, this::typed);
        OntapLogin without = OntapLogin.read(CERTIFICATE, Map.<String, String>of()::get, this::typed);

        assertThat(withPasswords).isEqualTo(new OntapLogin(null, null, null, "store-pw", "key-pw", null));
        assertThat(without).isEqualTo(new OntapLogin(null, null, null, null, null, null));
        assertThat(questions).isEmpty();
    }

    @Test
    void oauth2TakesTheClientSecretFromTheEnvironmentOrElseAsks() throws DemoFailure {
        OntapLogin fromEnvironment = OntapLogin.read(OAUTH2, Map.of("ONTAP_OAUTH2_CLIENT_SECRET", "client-s3cret",
                "ONTAP_PASSWORD", "not-for-oauth2")::get, this::typed);
        assertThat(fromEnvironment).isEqualTo(new OntapLogin(null, null, null, null, null, "client-s3cret"));
        assertThat(questions).isEmpty();

        OntapLogin typed = OntapLogin.read(OAUTH2, Map.<String, String>of()::get, this::typed);
        assertThat(typed.clientSecret()).isEqualTo("typed-secret");
        assertThat(questions).containsExactly("OAuth 2.0 client secret for kafka-connect: ");
    }

    @Test
    void aSecretNeitherSetNorTypedStopsTheDemoSayingWhereItComesFrom() {
        assertThatThrownBy(() -> OntapLogin.read(BASIC, Map.<String, String>of()::get, null))
                .isInstanceOf(DemoFailure.class).hasMessage("No password for kafka-monitor: set ONTAP_PASSWORD, or "
                        + "run ./demo in a terminal to be asked for it.");
        assertThatThrownBy(() -> OntapLogin.read(OAUTH2, Map.<String, String>of()::get, null))
                .isInstanceOf(DemoFailure.class).hasMessage("No client secret for kafka-connect: set "
                        + "ONTAP_OAUTH2_CLIENT_SECRET, or run ./demo in a terminal to be asked for it.");
        assertThatThrownBy(() -> OntapLogin.read(OAUTH2, Map.<String, String>of()::get, question -> new char[0]))
                .isInstanceOf(DemoFailure.class).hasMessage("No client secret given.");
        assertThatThrownBy(() -> OntapLogin.read(BASIC, Map.<String, String>of()::get, question -> null))
                .isInstanceOf(DemoFailure.class).hasMessage("No password given.");
    }

    @Test
    void theSecretsAreNeverPrintedOnlyNamed() {
        OntapLogin basic = OntapLogin.basic("kafka-monitor", "pw-value", "trust-value");
        OntapLogin everything = new OntapLogin(null, null, "trust-value", "store-value", "key-value", "client-value");

        assertThat(basic).hasToString("OntapLogin[kafka-monitor; secrets given: password, truststore password]");
        assertThat(everything).hasToString("OntapLogin[secrets given: truststore password, keystore password, "
                + "key password, client secret]");
        assertThat(new OntapLogin(null, null, null, null, null, null)).hasToString("OntapLogin[secrets given: none]");
        assertThat(basic + " " + everything).doesNotContain("value");
    }

    private char[] typed(String question) {
        questions.add(question);
        return "typed-secret".toCharArray();
    }
}
