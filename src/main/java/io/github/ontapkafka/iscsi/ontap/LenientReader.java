package io.github.ontapkafka.iscsi.ontap;

import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Reads the values of a record that are not its key, liberally: a value of another type than expected (a string
 * where an object belongs, a boolean for a port) is skipped whole, read as unknown and said to the oddities consumer
 * with its path. Releases differ, and one odd field must not blind the connector to a whole cluster; only a key that
 * cannot be read may fail a record, and key fields are read with {@link JsonReader} directly.
 */
final class LenientReader {

    private final JsonParser p;
    private final Consumer<String> oddities;

    LenientReader(JsonParser p, Consumer<String> oddities) {
        this.p = p;
        this.oddities = oddities;
    }

    String string(JsonPath path) throws IOException {
        try {
            return JsonReader.string(p, path);
        } catch (MalformedResponseException e) {
            return passOver(e, null);
        }
    }

    Integer integer(JsonPath path) throws IOException {
        try {
            return JsonReader.integer(p, path);
        } catch (MalformedResponseException e) {
            return passOver(e, null);
        }
    }

    boolean enterObject(JsonPath path) throws IOException {
        try {
            return JsonReader.enterObject(p, path);
        } catch (MalformedResponseException e) {
            return passOver(e, false);
        }
    }

    boolean enterArray(JsonPath path) throws IOException {
        try {
            return JsonReader.enterArray(p, path);
        } catch (MalformedResponseException e) {
            return passOver(e, false);
        }
    }

    /** Says something odd about a value that was read anyway, or left out, in the words of {@code oddity}. */
    void say(String oddity) {
        oddities.accept(oddity);
    }

    /** The value the parser stands on cannot be used: skip it whole, say why, read it as unknown. */
    <T> T passOver(MalformedResponseException odd, T unknown) throws IOException {
        oddities.accept(odd.getMessage() + "; read as unknown");
        p.skipChildren();
        return unknown;
    }
}
