package io.github.ontapkafka.iscsi.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes JSON documents with jackson-core's streaming generator. */
final class Json {

    private static final JsonFactory FACTORY = new JsonFactory();

    @FunctionalInterface
    interface Body {
        void writeTo(JsonGenerator json) throws IOException;
    }

    private Json() {
    }

    static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            body.writeTo(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory failed", e);
        }
        return out.toByteArray();
    }

    /** ONTAP's HAL link object: {@code "_links": {"self": {"href": ...}}}. */
    static void writeSelfLink(JsonGenerator json, String href) throws IOException {
        json.writeObjectFieldStart("_links");
        writeLink(json, "self", href);
        json.writeEndObject();
    }

    static void writeLink(JsonGenerator json, String relation, String href) throws IOException {
        json.writeObjectFieldStart(relation);
        json.writeStringField("href", href);
        json.writeEndObject();
    }

    static void writeStringIfPresent(JsonGenerator json, String field, String value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }

    static void writeNumberIfPresent(JsonGenerator json, String field, Integer value) throws IOException {
        if (value != null) {
            json.writeNumberField(field, value);
        }
    }
}
