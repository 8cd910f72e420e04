package io.github.ontapkafka.iscsi.ontap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.github.ontapkafka.iscsi.model.Connection;
import io.github.ontapkafka.iscsi.model.Igroup;
import io.github.ontapkafka.iscsi.model.Initiator;
import io.github.ontapkafka.iscsi.model.IpEndpoint;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.NetworkInterface;
import io.github.ontapkafka.iscsi.model.Svm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads pages of {@code GET /api/protocols/san/iscsi/sessions} with a streaming parser, in two steps: {@link #scan}
 * checks a page's JSON and locates its records, {@link #read} reads one record into the session model. Unknown
 * fields are skipped (newer releases add some); a missing key field or a value of the wrong JSON type fails the
 * whole poll, because a session we cannot identify must not turn into a false logout.
 */
public final class SessionPageParser {

    private static final JsonPath RECORDS = JsonPath.of("records");

    private final JsonFactory json;

    public SessionPageParser(JsonFactory json) {
        this.json = json;
    }

    /**
     * Checks that {@code body} is a JSON page of session records and locates and fingerprints each record, without
     * reading any: {@link #read} reads those the caller does not know yet.
     */
    public SessionPage scan(byte[] body) throws MalformedResponseException {
        Envelope envelope = new Envelope(body);
        PageStructure.members(body, envelope);
        if (envelope.records == null) {
            throw new MalformedResponseException("response: no 'records' array");
        }
        return envelope.records.toPage(body, envelope.next);
    }

    /**
     * The page's top-level members: the records located by their structure alone (see {@link PageStructure}), every
     * other member parsed in full, since it is small. No name may appear twice outside the records: a second
     * {@code records} or {@code _links} would silently replace the first, dropping sessions or ending the walk of
     * the pages early, which would turn into false logouts.
     */
    private final class Envelope implements PageStructure.MemberVisitor {
        private final byte[] body;
        private final Set<String> names = new HashSet<>();
        private RecordRanges records;
        private String next;

        Envelope(byte[] body) {
            this.body = body;
        }

        @Override
        public int member(int nameStart, int nameEnd, int start) throws MalformedResponseException {
            String name = name(nameStart, nameEnd);
            if (!names.add(name)) {
                throw new MalformedResponseException("response: member \"" + name + "\" appears twice");
            }
            if (name.equals("records") && start < body.length && body[start] == '[') {
                records = new RecordRanges();
                return PageStructure.objects(body, start, "records", (from, to) -> records.add(body, from, to));
            }
            int end = PageStructure.valueEnd(body, start);
            try (JsonParser p = parser(body, start, end)) {
                p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
                JsonToken value = p.nextToken();
                if (name.equals("records")) {
                    if (value != JsonToken.VALUE_NULL) {
                        throw JsonReader.mismatch(RECORDS, "an array", value);
                    }
                    records = new RecordRanges();
                } else if (name.equals("_links")) {
                    next = CollectionPages.nextHref(p);
                } else {
                    p.skipChildren();
                }
                // The range was found by the scan alone: it must hold this one value and nothing else.
                if (p.nextToken() != null) {
                    throw new MalformedResponseException("response: unexpected content after the value of \""
                            + name + "\"");
                }
                return end;
            } catch (JsonProcessingException e) {
                throw JsonReader.invalidJson(e);
            } catch (IOException e) {
                throw JsonReader.unreadable(e);
            }
        }

        /** The member name in the string literal {@code body[from, to)}: plain ASCII as it is, the rest by Jackson. */
        private String name(int from, int to) throws MalformedResponseException {
            boolean plain = true;
            for (int i = from + 1; i < to - 1; i++) {
                plain &= body[i] >= 0x20 && body[i] != '\\';
                // Never UTF-8, and Jackson's table of names, padded with 0xFF, can take "reco\xFFrds" for "records".
                if (body[i] == (byte) 0xFF) {
                    throw new MalformedResponseException("not valid JSON: byte 0xFF in a name at byte " + i);
                }
            }
            if (plain) {
                return new String(body, from + 1, to - from - 2, StandardCharsets.US_ASCII);
            }
            // Parsed as a name, not as a string value: Jackson checks surrogates in names only.
            byte[] object = new byte[to - from + 4];
            object[0] = '{';
            System.arraycopy(body, from, object, 1, to - from);
            object[object.length - 3] = ':';
            object[object.length - 2] = '0';
            object[object.length - 1] = '}';
            try (JsonParser p = json.createParser(object)) {
                p.nextToken();
                p.nextToken();
                return p.currentName();
            } catch (JsonProcessingException e) {
                throw JsonReader.invalidJson(e);
            } catch (IOException e) {
                throw JsonReader.unreadable(e);
            }
        }
    }

    /**
     * A parser of {@code body[start, end)}, a range the scan found. Jackson guesses the encoding of what it is given
     * and takes a second byte of 0 for UTF-16 or UTF-32, so such a range, never valid UTF-8 JSON, is refused first:
     * read as UTF-16, a record could hide bytes the scan took for structure.
     */
    private JsonParser parser(byte[] body, int start, int end) throws IOException, MalformedResponseException {
        if (end - start > 1 && body[start + 1] == 0) {
            throw new MalformedResponseException("not valid JSON: a NUL byte at byte " + (start + 1));
        }
        return json.createParser(body, start, end - start);
    }

    /** Reads record {@code index} of a scanned page into the model, passing over any odd value of a field. */
    public IscsiSession read(SessionPage page, int index) throws MalformedResponseException {
        return read(page, index, odd -> { });
    }

    /**
     * Reads record {@code index} of a scanned page into the model. The key fields must be there and of their type,
     * else the record fails: a session the connector cannot identify must not turn into a false logout. Any other
     * value of an unexpected type is read as unknown (null), and said to {@code oddities}: releases differ, and
     * one odd field must not blind the connector to a whole cluster.
     */
    public IscsiSession read(SessionPage page, int index, Consumer<String> oddities) throws MalformedResponseException {
        int start = page.recordStarts()[index];
        try (JsonParser p = parser(page.body(), start, page.recordEnds()[index])) {
            p.nextToken();
            return new RecordReader(p, oddities).session(RECORDS.index(index));
        } catch (JsonProcessingException e) {
            throw JsonReader.invalidJson(e);
        } catch (IOException e) {
            throw JsonReader.unreadable(e);
        }
    }

    /** The byte ranges and fingerprints of a page's records, collected while scanning. */
    private static final class RecordRanges {
        private int[] starts = new int[64];
        private int[] ends = new int[64];
        private long[] fingerprints = new long[64];
        private int count;

        void add(byte[] body, int start, int end) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
                fingerprints = Arrays.copyOf(fingerprints, count * 2);
            }
            starts[count] = start;
            ends[count] = end;
            fingerprints[count++] = RecordFingerprint.of(body, start, end);
        }

        SessionPage toPage(byte[] body, String next) {
            return new SessionPage(body, Arrays.copyOf(starts, count), Arrays.copyOf(ends, count),
                    Arrays.copyOf(fingerprints, count), next);
        }
    }

    /**
     * Reads one record: its key fields strictly, every other value liberally. A value of another type than expected
     * (a string where an object belongs, a boolean for a port) is passed over as unknown; a connection without a
     * readable {@code cid}, or an element that is not an object, is left out of its list. Each is said to the
     * oddities consumer, with its path.
     */
    private static final class RecordReader {
        private final JsonParser p;
        private final LenientReader lenient;

        RecordReader(JsonParser p, Consumer<String> oddities) {
            this.p = p;
            this.lenient = new LenientReader(p, oddities);
        }

        IscsiSession session(JsonPath path) throws IOException, MalformedResponseException {
            JsonReader.enterRequiredObject(p, path);
            Svm svm = null;
            String tpg = null;
            Integer tpgTag = null;
            Integer tsih = null;
            String isid = null;
            Initiator initiator = null;
            List<Igroup> igroups = null;
            List<Connection> connections = null;
            for (String field = JsonReader.nextField(p); field != null; field = JsonReader.nextField(p)) {
                switch (field) {
                    case "svm" -> svm = svm(path.field("svm"));
                    case "target_portal_group" -> tpg = JsonReader.string(p, path.field("target_portal_group"));
                    case "target_portal_group_tag" -> tpgTag = lenient.integer(path.field("target_portal_group_tag"));
                    case "tsih" -> tsih = JsonReader.integer(p, path.field("tsih"));
                    case "isid" -> isid = lenient.string(path.field("isid"));
                    case "initiator" -> initiator = initiator(path.field("initiator"));
                    case "igroups" -> igroups = igroups(path.field("igroups"));
                    case "connections" -> connections = connections(path.field("connections"));
                    default -> p.skipChildren();
                }
            }
            if (svm == null || svm.uuid() == null) {
                throw new MalformedResponseException(path + ": missing key field svm.uuid");
            }
            if (tpg == null) {
                throw new MalformedResponseException(path + ": missing key field target_portal_group");
            }
            if (tsih == null || tsih < 0) {
                throw new MalformedResponseException(path + (tsih == null ? ": missing key field tsih"
                        : ": negative tsih"));
            }
            return new IscsiSession(svm, tpg, tpgTag, tsih, isid, initiator, igroups, connections);
        }

        /** The SVM holds a key field, its UUID: read strictly. */
        private Svm svm(JsonPath path) throws IOException, MalformedResponseException {
            if (!JsonReader.enterObject(p, path)) {
                return null;
            }
            String uuid = null;
            String name = null;
            for (String field = JsonReader.nextField(p); field != null; field = JsonReader.nextField(p)) {
                switch (field) {
                    case "uuid" -> uuid = JsonReader.string(p, path.field("uuid"));
                    case "name" -> name = lenient.string(path.field("name"));
                    default -> p.skipChildren();
                }
            }
            return new Svm(uuid, name);
        }

        private Initiator initiator(JsonPath path) throws IOException, MalformedResponseException {
            String[] v = strings(path, "name", "alias", "comment");
            return v == null ? null : new Initiator(v[0], v[1], v[2]);
        }

        private List<Igroup> igroups(JsonPath path) throws IOException, MalformedResponseException {
            if (!lenient.enterArray(path)) {
                return null;
            }
            List<Igroup> igroups = new ArrayList<>();
            for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                String[] v = strings(path.index(i), "uuid", "name");
                if (v != null) {
                    igroups.add(new Igroup(v[0], v[1]));
                }
            }
            return igroups;
        }

        /** The named string fields of an object (null if it is null or not an object), skipping any others. */
        private String[] strings(JsonPath path, String... names) throws IOException, MalformedResponseException {
            if (!lenient.enterObject(path)) {
                return null;
            }
            String[] values = new String[names.length];
            for (String field = JsonReader.nextField(p); field != null; field = JsonReader.nextField(p)) {
                int index = indexOf(names, field);
                if (index >= 0) {
                    values[index] = lenient.string(path.field(field));
                } else {
                    p.skipChildren();
                }
            }
            return values;
        }

        private List<Connection> connections(JsonPath path) throws IOException, MalformedResponseException {
            if (!lenient.enterArray(path)) {
                return null;
            }
            List<Connection> connections = new ArrayList<>();
            for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                Connection connection = connection(path.index(i));
                if (connection != null) {
                    connections.add(connection);
                }
            }
            return connections;
        }

        private Connection connection(JsonPath path) throws IOException, MalformedResponseException {
            if (!lenient.enterObject(path)) {
                return null;
            }
            Integer cid = null;
            String authentication = null;
            IpEndpoint initiatorAddress = null;
            NetworkInterface networkInterface = null;
            for (String field = JsonReader.nextField(p); field != null; field = JsonReader.nextField(p)) {
                switch (field) {
                    case "cid" -> cid = lenient.integer(path.field("cid"));
                    case "authentication_type" -> authentication = lenient.string(path.field("authentication_type"));
                    case "initiator_address" -> initiatorAddress = endpoint(path.field("initiator_address"));
                    case "interface" -> networkInterface = networkInterface(path.field("interface"));
                    default -> p.skipChildren();
                }
            }
            if (cid == null) {
                lenient.say(path + ": no cid, which identifies a connection; the connection is left out");
                return null;
            }
            return new Connection(cid, authentication, initiatorAddress, networkInterface);
        }

        private NetworkInterface networkInterface(JsonPath path) throws IOException, MalformedResponseException {
            if (!lenient.enterObject(path)) {
                return null;
            }
            String uuid = null;
            String name = null;
            IpEndpoint ip = null;
            for (String field = JsonReader.nextField(p); field != null; field = JsonReader.nextField(p)) {
                switch (field) {
                    case "uuid" -> uuid = lenient.string(path.field("uuid"));
                    case "name" -> name = lenient.string(path.field("name"));
                    case "ip" -> ip = endpoint(path.field("ip"));
                    default -> p.skipChildren();
                }
            }
            return new NetworkInterface(uuid, name, ip);
        }

        private IpEndpoint endpoint(JsonPath path) throws IOException, MalformedResponseException {
            if (!lenient.enterObject(path)) {
                return null;
            }
            String address = null;
            Integer port = null;
            for (String field = JsonReader.nextField(p); field != null; field = JsonReader.nextField(p)) {
                switch (field) {
                    case "address" -> address = lenient.string(path.field("address"));
                    case "port" -> port = lenient.integer(path.field("port"));
                    default -> p.skipChildren();
                }
            }
            return new IpEndpoint(address, port);
        }
    }

    private static int indexOf(String[] names, String field) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(field)) {
                return i;
            }
        }
        return -1;
    }
}
