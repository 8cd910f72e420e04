package io.github.ontapkafka.iscsi.ontap;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * Typed reads from a streaming parser that fail with the JSON path of the offending value, so that a bad answer from
 * ONTAP is reported as "records[3].tsih: expected a number, got a string" rather than as a Jackson stack trace.
 */
final class JsonReader {

    private static final int MAX_EXCERPT = 40;

    private JsonReader() {
    }

    /** Reads a string or null; any other JSON type is an error. */
    static String string(JsonParser p, JsonPath path) throws IOException, MalformedResponseException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_STRING) {
            throw mismatch(path, "a string", token);
        }
        return p.getText();
    }

    /**
     * Reads an integer of Java's {@code int} range or null, as {@link #longInteger} reads one; a larger one is an
     * error.
     */
    static Integer integer(JsonParser p, JsonPath path) throws IOException, MalformedResponseException {
        Long value = longInteger(p, path);
        if (value == null) {
            return null;
        }
        if (value != value.intValue()) {
            throw new MalformedResponseException(path + ": expected an integer, got one out of range: " + value);
        }
        return value.intValue();
    }

    /**
     * Reads an integer or null. Some releases' references print numbers as JSON strings ({@code "port": "55432"}),
     * so a string holding a decimal integer is one too; any other JSON type, or an integer beyond Java's
     * {@code long}, is an error.
     */
    static Long longInteger(JsonParser p, JsonPath path) throws IOException, MalformedResponseException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == JsonToken.VALUE_STRING) {
            String text = p.getText().trim();
            try {
                return Long.valueOf(text);
            } catch (NumberFormatException e) {
                throw new MalformedResponseException(path + ": expected an integer, got a string that is not one: \""
                        + excerpt(text) + "\"");
            }
        }
        if (token != JsonToken.VALUE_NUMBER_INT) {
            throw mismatch(path, "an integer", token);
        }
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new MalformedResponseException(path + ": expected an integer, got one out of range: " + p.getText());
        }
        return p.getLongValue();
    }

    /** The start of a value ONTAP wrote, short enough to quote in an error message. */
    static String excerpt(String text) {
        return text.length() > MAX_EXCERPT ? text.substring(0, MAX_EXCERPT) + "..." : text;
    }

    /** Positions the parser inside an object: true if one starts here, false for JSON null. */
    static boolean enterObject(JsonParser p, JsonPath path) throws MalformedResponseException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return false;
        }
        if (token != JsonToken.START_OBJECT) {
            throw mismatch(path, "an object", token);
        }
        return true;
    }

    /** Positions the parser inside an object, which must be there: JSON null is an error too. */
    static void enterRequiredObject(JsonParser p, JsonPath path) throws MalformedResponseException {
        if (!enterObject(p, path)) {
            throw new MalformedResponseException(path + ": expected an object, got null");
        }
    }

    /** What a body that is not JSON at all fails with. */
    static MalformedResponseException invalidJson(JsonProcessingException e) {
        return new MalformedResponseException("not valid JSON: " + e.getOriginalMessage(), e);
    }

    /** What a body that could not be read fails with. */
    static MalformedResponseException unreadable(IOException e) {
        return new MalformedResponseException("unreadable body: " + e.getMessage(), e);
    }

    /** Positions the parser inside an array: true if one starts here, false for JSON null. */
    static boolean enterArray(JsonParser p, JsonPath path) throws MalformedResponseException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return false;
        }
        if (token != JsonToken.START_ARRAY) {
            throw mismatch(path, "an array", token);
        }
        return true;
    }

    /** Advances to the next field of the current object; null at its end. Leaves the parser on the field's value. */
    static String nextField(JsonParser p) throws IOException {
        JsonToken token = p.nextToken();
        if (token == JsonToken.END_OBJECT) {
            return null;
        }
        String name = p.currentName();
        p.nextToken();
        return name;
    }

    static MalformedResponseException mismatch(JsonPath path, String expected, JsonToken actual) {
        return new MalformedResponseException(path + ": expected " + expected + ", got " + describe(actual));
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the body";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }
}
