package io.github.ontapkafka.iscsi.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The secrets the connector logs in to the clusters with, kept apart from {@link DemoOptions} since they never come
 * from the command line. Never printed: {@link #toString()} names the secrets given, not their values. Each is null
 * where it is not given or the method does not use it.
 *
 * @param username           basic: the ONTAP account (not secret, but what the password belongs to)
 * @param password           basic: the account's password
 * @param truststorePassword the clusters' truststore's password, any method
 * @param keystorePassword   certificate: the keystore's password
 * @param keyPassword        certificate: the private key's password, when it differs from the keystore's
 * @param clientSecret       oauth2: the client's secret at the identity provider
 */
record OntapLogin(String username, String password, String truststorePassword, String keystorePassword,
                  String keyPassword, String clientSecret) {

    static final String PASSWORD_VARIABLE = "ONTAP_PASSWORD";
    static final String TRUSTSTORE_PASSWORD_VARIABLE = "ONTAP_TRUSTSTORE_PASSWORD";
    static final String KEYSTORE_PASSWORD_VARIABLE = "ONTAP_KEYSTORE_PASSWORD";
    static final String KEY_PASSWORD_VARIABLE = "ONTAP_KEY_PASSWORD";
    static final String CLIENT_SECRET_VARIABLE = "ONTAP_OAUTH2_CLIENT_SECRET";

    /** Asks for a secret without echoing it; null when nothing was typed. */
    @FunctionalInterface
    interface SecretPrompt {
        char[] ask(String question);
    }

    static OntapLogin basic(String username, String password, String truststorePassword) {
        return new OntapLogin(username, password, truststorePassword, null, null, null);
    }

    /**
     * The secrets the options' method needs: basic takes the password from {@code ONTAP_PASSWORD}, oauth2 the client
     * secret from {@code ONTAP_OAUTH2_CLIENT_SECRET}, each else from {@code prompt}; certificate takes the keystore's
     * and key's passwords from {@code ONTAP_KEYSTORE_PASSWORD} and {@code ONTAP_KEY_PASSWORD} if set (a PEM key
     * needs none), and every method the truststore's from {@code ONTAP_TRUSTSTORE_PASSWORD} if set.
     *
     * @param environment the value of an environment variable, or null
     * @param prompt      null when there is no terminal to ask on
     * @throws DemoFailure when a secret the method needs is neither set nor typed
     */
    static OntapLogin read(DemoOptions options, UnaryOperator<String> environment, SecretPrompt prompt)
            throws DemoFailure {
        String truststorePassword = optional(environment, TRUSTSTORE_PASSWORD_VARIABLE);
        return switch (options.authMethod()) {
            case DemoOptions.CERTIFICATE -> new OntapLogin(null, null, truststorePassword,
                    optional(environment, KEYSTORE_PASSWORD_VARIABLE), optional(environment, KEY_PASSWORD_VARIABLE),
                    null);
            case DemoOptions.OAUTH2 -> new OntapLogin(null, null, truststorePassword, null, null,
                    required(environment, CLIENT_SECRET_VARIABLE, prompt, "client secret",
                            options.oauth2().clientId(), "OAuth 2.0 client secret for "
                                    + options.oauth2().clientId() + ": "));
            default -> basic(options.username(), required(environment, PASSWORD_VARIABLE, prompt, "password",
                    options.username(), "ONTAP password for " + options.username() + ": "), truststorePassword);
        };
    }

    private static String optional(UnaryOperator<String> environment, String variable) {
        String value = environment.apply(variable);
        return value == null || value.isEmpty() ? null : value;
    }

    private static String required(UnaryOperator<String> environment, String variable, SecretPrompt prompt,
                                   String what, String whose, String question) throws DemoFailure {
        String value = optional(environment, variable);
        if (value != null) {
            return value;
        }
        if (prompt == null) {
            throw new DemoFailure("No " + what + " for " + whose + ": set " + variable + ", or run ./demo in a "
                    + "terminal to be asked for it.");
        }
        char[] typed = prompt.ask(question);
        if (typed == null || typed.length == 0) {
            throw new DemoFailure("No " + what + " given.");
        }
        return new String(typed);
    }

    @Override
    public String toString() {
        List<String> given = new ArrayList<>();
        addIfGiven(given, "password", password);
        addIfGiven(given, "truststore password", truststorePassword);
        addIfGiven(given, "keystore password", keystorePassword);
        addIfGiven(given, "key password", keyPassword);
        addIfGiven(given, "client secret", clientSecret);
        return "OntapLogin[" + (username == null ? "" : username + "; ") + "secrets given: "
                + (given.isEmpty() ? "none" : String.join(", ", given)) + "]";
    }

    private static void addIfGiven(List<String> given, String name, String secret) {
        if (secret != null) {
            given.add(name);
        }
    }
}
