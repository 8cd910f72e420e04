package io.github.ontapkafka.iscsi.ontap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a page of a small ONTAP collection (the nodes, a node's events) whole, with a streaming parser: each record
 * by the collection's own {@link RecordReader}, and the link to the next page. The sessions collection, large and
 * mostly unchanged from poll to poll, is scanned by {@link SessionPageParser} instead, but shares
 * {@link #nextHref} and the rule that no top-level name may appear twice: a second {@code records} or
 * {@code _links} would silently replace the first, dropping records or ending the walk of the pages early.
 */
final class CollectionPages {

    private static final JsonPath RESPONSE = JsonPath.of("response");
    private static final JsonPath RECORDS = JsonPath.of("records");
    private static final JsonPath LINKS = JsonPath.of("_links");
    private static final JsonPath NEXT = LINKS.field("next");
    private static final JsonPath NEXT_HREF = NEXT.field("href");

    /** Reads one element of {@code records}, the parser on its first token, and consumes all of it. */
    @FunctionalInterface
    interface RecordReader<T> {
        T read(JsonParser p, JsonPath path) throws IOException, MalformedResponseException;
    }

    private CollectionPages() {
    }

    /** Reads {@code body} as one page; a page without a {@code records} array is malformed, one of null is empty. */
    static <T> CollectionPage<T> read(JsonFactory json, byte[] body, RecordReader<T> reader)
            throws MalformedResponseException {
        try (JsonParser p = json.createParser(body)) {
            p.nextToken();
            JsonReader.enterRequiredObject(p, RESPONSE);
            Set<String> names = new HashSet<>();
            List<T> records = null;
            String next = null;
            for (String field = JsonReader.nextField(p); field != null; field = JsonReader.nextField(p)) {
                if (!names.add(field)) {
                    throw new MalformedResponseException("response: member \"" + field + "\" appears twice");
                }
                switch (field) {
                    case "records" -> records = records(p, reader);
                    case "_links" -> next = nextHref(p);
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new MalformedResponseException("response: unexpected content after the object");
            }
            if (records == null) {
                throw new MalformedResponseException("response: no 'records' array");
            }
            return new CollectionPage<>(records, next);
        } catch (JsonProcessingException e) {
            throw JsonReader.invalidJson(e);
        } catch (IOException e) {
            throw JsonReader.unreadable(e);
        }
    }

    private static <T> List<T> records(JsonParser p, RecordReader<T> reader)
            throws IOException, MalformedResponseException {
        List<T> records = new ArrayList<>();
        if (JsonReader.enterArray(p, RECORDS)) {
            for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                records.add(reader.read(p, RECORDS.index(i)));
            }
        }
        return records;
    }

    /** Reads {@code _links}, the parser on its value: the href of its {@code next} link, or null. */
    static String nextHref(JsonParser p) throws IOException, MalformedResponseException {
        String href = null;
        if (!JsonReader.enterObject(p, LINKS)) {
            return null;
        }
        for (String field = JsonReader.nextField(p); field != null; field = JsonReader.nextField(p)) {
            if (field.equals("next") && JsonReader.enterObject(p, NEXT)) {
                for (String link = JsonReader.nextField(p); link != null; link = JsonReader.nextField(p)) {
                    if (link.equals("href")) {
                        href = JsonReader.string(p, NEXT_HREF);
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
        }
        return href;
    }
}
