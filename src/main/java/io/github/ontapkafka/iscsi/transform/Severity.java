package io.github.ontapkafka.iscsi.transform;

import java.util.Locale;

/**
 * OCSF's {@code severity_id}, and how ONTAP's EMS severities map onto it. ONTAP grades by urgency of the system's
 * state (syslog's levels); OCSF by the effort an event asks for, so the scale shifts down one step below
 * {@code emergency}: an {@code error} asks for action but not at once (Medium), a {@code notice} such as a refused
 * login leaves it to the analyst (Low).
 */
enum Severity {
    UNKNOWN(0, "Unknown"),
    INFORMATIONAL(1, "Informational"),
    LOW(2, "Low"),
    MEDIUM(3, "Medium"),
    HIGH(4, "High"),
    CRITICAL(5, "Critical"),
    /** For an EMS severity this mapping does not know; {@code severity} then carries ONTAP's word. */
    OTHER(99, "Other");

    final int id;
    final String caption;

    Severity(int id, String caption) {
        this.id = id;
        this.caption = caption;
    }

    static Severity ofEms(String severity) {
        if (severity == null) {
            return UNKNOWN;
        }
        return switch (severity.toLowerCase(Locale.ROOT)) {
            case "emergency" -> CRITICAL;
            case "alert" -> HIGH;
            case "error" -> MEDIUM;
            case "notice" -> LOW;
            case "informational", "debug" -> INFORMATIONAL;
            default -> OTHER;
        };
    }
}
