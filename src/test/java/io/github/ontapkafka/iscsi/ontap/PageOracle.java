package io.github.ontapkafka.iscsi.ontap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ontapkafka.iscsi.model.IscsiSession;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one poll of a page must conclude, decided from a full Jackson parse of the whole body and the contract of
 * {@link SessionPageParser} alone, never from the structure scan: the reference a differential fuzzer holds
 * {@code scan} plus {@code read} of every record to. The rules:
 * <ul>
 *   <li>the body is UTF-8 JSON (no byte-order mark, no NUL, so Jackson cannot switch to UTF-16 or UTF-32; no
 *       0xFF, which Jackson's table of names uses as padding and can match), one object and nothing after it but
 *       white space;</li>
 *   <li>{@code records} is present, once, and is an array whose elements are all objects, or null (no records);</li>
 *   <li>{@code _links} is absent, null or an object; its {@code next} absent, null or an object; its {@code href}
 *       absent, null or a string;</li>
 *   <li>no name appears twice in any object outside the records (a second {@code records} or {@code _links} would
 *       otherwise silently replace the first); inside a record duplicates are the reader's business;</li>
 *   <li>no container lies more than {@value #MAX_DEPTH} levels deep within a record or within the value of any
 *       other top-level member (the scanner's bound on its bracket stack);</li>
 *   <li>every record is a valid session, which is decided by the model reader applied to Jackson's re-serialisation
 *       of the record (names, order and duplicates kept): the reader's rules are not what is under test here, the
 *       scan that locates the record's bytes is.</li>
 * </ul>
 */
final class PageOracle {

    static final int MAX_DEPTH = 64;

    // Non-ASCII written as escapes: a lone surrogate from a "\ud800" escape survives re-serialisation.
    private static final JsonFactory CANONICAL = JsonFactory.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SessionPageParser READER = new SessionPageParser(new JsonFactory());

    /** The oracle's conclusion: refused with a reason, or the page's records (re-serialised) and next link. */
    record Verdict(String refusal, List<byte[]> records, List<IscsiSession> sessions, String nextHref) {
        boolean accepted() {
            return refusal == null;
        }
    }

    private static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private PageOracle() {
    }

    static Verdict judge(byte[] body) {
        try {
            return accepted(body);
        } catch (Refused e) {
            return new Verdict(e.getMessage(), List.of(), List.of(), null);
        } catch (JsonProcessingException e) {
            return new Verdict("Jackson: " + e.getOriginalMessage(), List.of(), List.of(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Verdict accepted(byte[] body) throws IOException, Refused {
        if (body.length == 0 || body[0] != '{' && !isWhiteSpace(body[0])) {
            throw new Refused("does not start with '{' (a BOM would make Jackson guess the encoding)");
        }
        for (byte b : body) {
            if (b == 0) {
                throw new Refused("holds a NUL byte (Jackson would take the body for UTF-16 or UTF-32)");
            }
            if (b == (byte) 0xFF) {
                throw new Refused("holds a 0xFF byte (never UTF-8; Jackson's name table may take it for padding)");
            }
        }
        List<byte[]> records = null;
        String next = null;
        // A factory of its own: what Jackson accepts must not depend on names it saw in earlier bodies (a name
        // holding a 0xFF byte, never UTF-8, can match a shorter name in its table, whose entries are padded with 0xFF).
        try (JsonParser p = new JsonFactory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new Refused("not an object");
            }
            Set<String> names = new HashSet<>();
            while (p.nextToken() != JsonToken.END_OBJECT) {
                String name = p.currentName();
                if (!names.add(name)) {
                    throw new Refused("top-level member \"" + name + "\" appears twice");
                }
                JsonToken value = p.nextToken();
                if (name.equals("records")) {
                    records = records(p, value);
                } else {
                    byte[] copy = copy(p, true);
                    if (name.equals("_links")) {
                        next = nextHref(MAPPER.readTree(copy));
                    }
                }
            }
            if (p.nextToken() != null) {
                throw new Refused("content after the object");
            }
        }
        if (records == null) {
            throw new Refused("no records");
        }
        List<IscsiSession> sessions = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            byte[] record = records.get(i);
            try {
                sessions.add(READER.read(new SessionPage(record, new int[] {0}, new int[] {record.length},
                        new long[] {1}, null), 0));
            } catch (MalformedResponseException e) {
                throw new Refused("record " + i + " is not a session: " + e.getMessage());
            }
        }
        return new Verdict(null, records, sessions, next);
    }

    private static List<byte[]> records(JsonParser p, JsonToken value) throws IOException, Refused {
        if (value == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (value != JsonToken.START_ARRAY) {
            throw new Refused("records is " + value);
        }
        List<byte[]> records = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw new Refused("a record is " + p.currentToken());
            }
            records.add(copy(p, false));
        }
        return records;
    }

    private static String nextHref(JsonNode links) throws Refused {
        if (links.isNull()) {
            return null;
        }
        if (!links.isObject()) {
            throw new Refused("_links is not an object");
        }
        JsonNode next = links.get("next");
        if (next == null || next.isNull()) {
            return null;
        }
        if (!next.isObject()) {
            throw new Refused("_links.next is not an object");
        }
        JsonNode href = next.get("href");
        if (href == null || href.isNull()) {
            return null;
        }
        if (!href.isTextual()) {
            throw new Refused("_links.next.href is not a string");
        }
        return href.textValue();
    }

    /** Jackson's re-serialisation of {@code body[from, to)}, one JSON value: the form records are compared in. */
    static byte[] canonical(byte[] body, int from, int to) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(body, from, to - from)) {
            p.nextToken();
            return copy(p, false);
        } catch (Refused e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the value at the parser's current token, checking depth and, if asked, duplicate names. */
    private static byte[] copy(JsonParser p, boolean uniqueNames) throws IOException, Refused {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = CANONICAL.createGenerator(out)) {
            copyValue(p, g, 0, uniqueNames);
        }
        return out.toByteArray();
    }

    private static void copyValue(JsonParser p, JsonGenerator g, int depth, boolean uniqueNames)
            throws IOException, Refused {
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT -> {
                checkDepth(depth);
                g.writeStartObject();
                Set<String> names = uniqueNames ? new HashSet<>() : null;
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    String name = p.currentName();
                    if (names != null && !names.add(name)) {
                        throw new Refused("name \"" + name + "\" appears twice in an object outside the records");
                    }
                    g.writeFieldName(name);
                    p.nextToken();
                    copyValue(p, g, depth + 1, uniqueNames);
                }
                g.writeEndObject();
            }
            case START_ARRAY -> {
                checkDepth(depth);
                g.writeStartArray();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    copyValue(p, g, depth + 1, uniqueNames);
                }
                g.writeEndArray();
            }
            case VALUE_STRING -> g.writeString(p.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(p.getText());
            case VALUE_TRUE, VALUE_FALSE -> g.writeBoolean(token == JsonToken.VALUE_TRUE);
            case VALUE_NULL -> g.writeNull();
            default -> throw new IllegalStateException("unexpected " + token);
        }
    }

    private static void checkDepth(int depth) throws Refused {
        if (depth >= MAX_DEPTH) {
            throw new Refused("nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private static boolean isWhiteSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
}
