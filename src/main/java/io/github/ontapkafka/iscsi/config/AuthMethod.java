package io.github.ontapkafka.iscsi.config;

import java.util.Arrays;
import java.util.Locale;

/** The value of {@code ontap.auth.method}. */
enum AuthMethod {
    BASIC,
    CERTIFICATE,
    OAUTH2;

    static String[] configValues() {
        return Arrays.stream(values()).map(AuthMethod::configValue).toArray(String[]::new);
    }

    static AuthMethod fromConfig(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
