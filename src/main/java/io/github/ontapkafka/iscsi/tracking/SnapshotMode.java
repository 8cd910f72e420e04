package io.github.ontapkafka.iscsi.tracking;

import java.util.Arrays;
import java.util.Locale;

/** What the first poll of a cluster without stored state does with the sessions already present. */
public enum SnapshotMode {
    /** Emit one {@code SNAPSHOT} event per present session. */
    INITIAL,
    /** Record the present sessions as the baseline without emitting anything. */
    NEVER;

    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SnapshotMode fromConfig(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    public static String[] configValues() {
        return Arrays.stream(values()).map(SnapshotMode::configValue).toArray(String[]::new);
    }
}
