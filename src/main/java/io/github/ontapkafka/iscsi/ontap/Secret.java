package io.github.ontapkafka.iscsi.ontap;

/**
 * A password or similar, handed down from the configuration. It prints as {@code [hidden]}, so that no log line,
 * exception or {@code toString} of a holder can show it by accident.
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
    public String toString() {
        return "[hidden]";
    }
}
