package io.github.ontapkafka.iscsi.ontap;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * A password or similar, handed down from the configuration. It prints as {@code [hidden]}, so that no log line,
 * exception or {@code toString} of a holder can show it by accident. Equal values are equal secrets, so that clusters
 * configured with the same OAuth 2.0 client share its token.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Null for null: an optional secret that was not given. */
    public static Secret of(String value) {
        return value == null ? null : new Secret(value);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                other.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "[hidden]";
    }
}
