package io.github.ontapkafka.iscsi.siem;

import com.fasterxml.jackson.databind.JsonNode;

/** Names the JSON kind of a value in violation messages. */
final class JsonKinds {

    private static final int SHOWN_CHARACTERS = 60;

    private JsonKinds() {
    }

    static String describe(JsonNode value) {
        String kind = value.isObject() ? "an object" : value.isArray() ? "an array" : value.isTextual() ? "a string"
                : value.isIntegralNumber() ? "an integer" : value.isNumber() ? "a floating-point number"
                : value.isBoolean() ? "a boolean" : "null";
        String text = value.toString();
        return kind + " " + (text.length() > SHOWN_CHARACTERS ? text.substring(0, SHOWN_CHARACTERS) + "…" : text);
    }

    /** JSON null counts as absent, as in the OCSF server's validator. */
    static boolean isAbsent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }
}
