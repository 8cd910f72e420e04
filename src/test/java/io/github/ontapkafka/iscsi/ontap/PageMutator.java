package io.github.ontapkafka.iscsi.ontap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.ontapkafka.iscsi.model.Connection;
import io.github.ontapkafka.iscsi.model.Initiator;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.simulator.SessionFactory;
import io.github.ontapkafka.iscsi.simulator.SimulatedPageBodies;
import io.github.ontapkafka.iscsi.simulator.TargetPortal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Page bodies for the scanner fuzzer: a realistic page (written by the simulator, or by hand like {@link PageJson}),
 * then a few edits. Edits that know where the seed's tokens lie keep most pages valid JSON while changing what the
 * scanner must get right (strings ending at every offset of a word, escapes, numbers, white space, nesting, repeated
 * names, the type of {@code records}); blind byte edits then break them in every other way.
 */
final class PageMutator {

    private static final JsonFactory JSON = new JsonFactory();
    private static final String[] SNIPPETS = {
        "\"", "\\", "\\\"", "\\\\", "\\u00e9", "\\ud83d\\ude00", "\\ud800", "\\udc00x", "\\u12", "\\x", "\\/", "\\b",
        "\\\\\"", "{", "}", "[", "]", ",", ":", "{}", "[]", "\"\"", "null", "true", "1", "-0", "1e5", ",\"a\":1",
        "\"records\":[]", "\"_links\":null", "é", "\u2603", "\uD83D\uDE00", "\t", "\n", "\r", " ",
    };
    private static final String[] NUMBERS = {
        "0", "-0", "7", "-7", "12345678901234567890", "2147483648", "-2147483649", "1.5", "-0.0", "1e5", "1E+5",
        "1e-5", "2.5E-3", "0.1e1", "01", "+1", ".5", "1.", "1e", "-", "0x1F", "NaN", "Infinity", "1_000", "1.0.0",
        "true", "false", "null", "tru", "nul", "nulll", "True", "\"7\"", "[]", "{}", "[7]",
    };
    private static final String[] WHITE_SPACE = {" ", "\t", "\n", "\r", "\r\n  ", "\f", "\u000b", "\u00a0", "\u0000"};
    private static final String[] RECORDS_VALUES = {
        "null", "[]", "{}", "[null]", "[1]", "[[]]", "[{}]", "\"x\"", "1", "true", "nul", "null{}", "null-1",
        "true\"x\"", "[{},]", "[,{}]", "[{}{}]", "[{}] []",
    };

    private final Random random;

    PageMutator(Random random) {
        this.random = random;
    }

    /** A seed page, then one edit that respects its tokens, then (mostly) some blind byte edits. */
    byte[] next() {
        byte[] body = seed();
        if (random.nextInt(4) != 0) {
            body = tokenEdit(body);
        }
        int blind = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(3);
        for (int i = 0; i < blind; i++) {
            body = byteEdit(body);
        }
        return body;
    }

    byte[] seed() {
        return switch (random.nextInt(6)) {
            case 0 -> bytes(PageJson.page(handWrittenRecords(), random.nextBoolean() ? null : "/api/next?start=}\\\""));
            case 1 -> bytes(pick(new String[] {
                "{\"records\":[]}", "{\"records\":null}", "{\"num_records\":0,\"records\":[],\"_links\":{}}",
                "{\"records\":[{\"svm\":{\"uuid\":\"u\"},\"target_portal_group\":\"t\",\"tsih\":1}]}",
                "{\"_links\":{\"next\":{\"href\":\"/n\"},\"self\":{\"href\":\"/s\"}},\"records\":[{\"svm\":"
                    + "{\"uuid\":\"u\"},\"target_portal_group\":\"t\",\"tsih\":0,\"x\":[[],{}]}]}",
            }));
            default -> simulatedPage();
        };
    }

    private List<String> handWrittenRecords() {
        List<String> records = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            records.add(PageJson.session("s" + random.nextInt(3), "lif" + random.nextInt(3), random.nextInt(70000)));
        }
        return records;
    }

    private byte[] simulatedPage() {
        SessionFactory factory = new SessionFactory(random.nextLong());
        List<IscsiSession> sessions = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            TargetPortal portal = factory.randomPortal();
            IscsiSession session = factory.session(portal, 1 + random.nextInt(65535));
            sessions.add(random.nextInt(3) == 0 ? withTrickyStrings(session) : session);
        }
        String next = random.nextBoolean() ? null : "/api/protocols/san/iscsi/sessions?start.tsih=" + random.nextInt();
        return SimulatedPageBodies.randomPage(random, sessions, next);
    }

    /** Strings the generator must escape, padded so that their escapes and ends fall anywhere within a word. */
    private IscsiSession withTrickyStrings(IscsiSession s) {
        Initiator initiator = new Initiator(s.initiator().name(), trickyString(), trickyString());
        List<Connection> connections = s.connections();
        return new IscsiSession(s.svm(), s.targetPortalGroup() + "x".repeat(random.nextInt(9)),
                s.targetPortalGroupTag(), s.tsih(), trickyString(), initiator, s.igroups(), connections);
    }

    private String trickyString() {
        StringBuilder text = new StringBuilder("x".repeat(random.nextInt(17)));
        for (int i = random.nextInt(4); i > 0; i--) {
            text.append(pick(new String[] {"\"", "\\", "}", "]", "{\"", "é", "\u2603", "\uD83D\uDE00", "\n", "\u0001",
                "\\u00e9", "/"})).append("y".repeat(random.nextInt(9)));
        }
        return text.toString();
    }

    // ---- edits that know the seed's tokens (the seed is valid JSON, or these edits are skipped) ----

    private record Token(JsonToken type, int start, int end) {
    }

    private byte[] tokenEdit(byte[] body) {
        List<Token> tokens = tokens(body);
        if (tokens.isEmpty()) {
            return body;
        }
        Token t = tokens.get(random.nextInt(tokens.size()));
        return switch (random.nextInt(8)) {
            case 0 -> t.type.isScalarValue() ? replace(body, t.start, t.end, pick(NUMBERS)) : body;
            case 1 -> t.type == JsonToken.VALUE_STRING || t.type == JsonToken.FIELD_NAME
                    ? replace(body, t.start + 1, t.end - 1, trickyLiteral()) : body;
            case 2 -> insert(body, random.nextBoolean() ? t.start : t.end, pick(WHITE_SPACE));
            case 3 -> t.type.isScalarValue() ? replace(body, t.start, t.end, deepValue()) : body;
            case 4 -> repeatMember(body, tokens);
            case 5 -> replaceRecords(body, tokens);
            case 6 -> t.type == JsonToken.START_OBJECT ? insert(body, t.end, "\"zz\":" + deepValue() + ",") : body;
            default -> t.type == JsonToken.VALUE_STRING
                    ? insert(body, t.end - 1, "x".repeat(random.nextInt(17))) : body;
        };
    }

    /** The content of a string literal, already escaped: valid escapes mostly, raw bytes and bad escapes too. */
    private String trickyLiteral() {
        StringBuilder text = new StringBuilder("a".repeat(random.nextInt(16)));
        for (int i = random.nextInt(3); i >= 0; i--) {
            text.append(pick(new String[] {"\\\"", "\\\\", "\\u00e9", "\\ud83d\\ude00", "\\ud800", "\\/", "\\n", "\\t",
                "é", "\u2603", "\uD83D\uDE00", "}", "]", "{[", "\\u00", "\\q", "\u0001", "\t", "\\\\\\\"", "\\u0022"}))
                    .append("b".repeat(random.nextInt(8)));
        }
        return text.toString();
    }

    /** Nesting around the scanner's bound of 64 levels, as arrays, objects or both. */
    private String deepValue() {
        int depth = random.nextInt(4) == 0 ? random.nextInt(8) : 60 + random.nextInt(10);
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            boolean object = random.nextBoolean();
            open.append(object ? "{\"k\":" : "[");
            close.insert(0, object ? '}' : ']');
        }
        return open + pick(new String[] {"1", "\"s\"", "[]", "{}", "null"}) + close;
    }

    /** A member written again, right after its object's opening brace: repeated names, records and links. */
    private byte[] repeatMember(byte[] body, List<Token> tokens) {
        int name = randomIndexOf(tokens, JsonToken.FIELD_NAME);
        if (name < 0) {
            return body;
        }
        int owner = name - 1;
        for (int level = 0; owner >= 0; owner--) {
            JsonToken type = tokens.get(owner).type;
            if (type.isStructEnd()) {
                level++;
            } else if (type.isStructStart() && level-- == 0) {
                break;
            }
        }
        int valueEnd = valueEnd(tokens, name + 1);
        String member = new String(body, tokens.get(name).start, valueEnd - tokens.get(name).start,
                StandardCharsets.UTF_8);
        return insert(body, tokens.get(owner).end, member + ",");
    }

    private byte[] replaceRecords(byte[] body, List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.type == JsonToken.FIELD_NAME && new String(body, t.start, t.end - t.start, StandardCharsets.UTF_8)
                    .equals("\"records\"")) {
                return replace(body, tokens.get(i + 1).start, valueEnd(tokens, i + 1), pick(RECORDS_VALUES));
            }
        }
        return body;
    }

    private static int valueEnd(List<Token> tokens, int value) {
        int level = 0;
        for (int i = value; ; i++) {
            JsonToken type = tokens.get(i).type;
            level += type.isStructStart() ? 1 : type.isStructEnd() ? -1 : 0;
            if (level == 0) {
                return tokens.get(i).end;
            }
        }
    }

    private int randomIndexOf(List<Token> tokens, JsonToken type) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).type == type) {
                found.add(i);
            }
        }
        return found.isEmpty() ? -1 : found.get(random.nextInt(found.size()));
    }

    /** Every token of a valid body with its byte range; empty if Jackson refuses the body. */
    private static List<Token> tokens(byte[] body) {
        List<Token> tokens = new ArrayList<>();
        try (JsonParser p = JSON.createParser(body)) {
            for (JsonToken type = p.nextToken(); type != null; type = p.nextToken()) {
                int start = (int) p.currentTokenLocation().getByteOffset();
                p.finishToken();
                tokens.add(new Token(type, start, (int) p.currentLocation().getByteOffset()));
            }
        } catch (IOException e) {
            return List.of();
        }
        return tokens;
    }

    // ---- blind byte edits ----

    private byte[] byteEdit(byte[] body) {
        if (body.length == 0) {
            return bytes(pick(SNIPPETS));
        }
        int at = random.nextInt(body.length);
        return switch (random.nextInt(7)) {
            case 0 -> Arrays.copyOf(body, at);
            case 1 -> {
                byte[] copy = body.clone();
                copy[at] ^= (byte) (1 << random.nextInt(8));
                yield copy;
            }
            case 2 -> {
                byte[] copy = body.clone();
                // No 0xFF: within a record's names Jackson's name table may take it for padding and read
                // "\xFFsvm" as "svm", a Jackson quirk the reader shares and the oracle refuses (see PageOracle).
                copy[at] = (byte) "\"\\{}[],: \n0u\u0000\u0080\u00fe\u00c3".charAt(random.nextInt(16));
                yield copy;
            }
            case 3 -> insert(body, at, pick(SNIPPETS));
            case 4 -> replace(body, at, Math.min(body.length, at + 1 + random.nextInt(8)), "");
            case 5 -> {
                int from = random.nextInt(body.length);
                int to = Math.min(body.length, from + 1 + random.nextInt(64));
                byte[] slice = Arrays.copyOfRange(body, from, to);
                yield splice(body, at, at, slice);
            }
            default -> insert(body, at, "x".repeat(1 + random.nextInt(16)));
        };
    }

    private static byte[] insert(byte[] body, int at, String text) {
        return replace(body, at, at, text);
    }

    private static byte[] replace(byte[] body, int from, int to, String text) {
        return splice(body, from, to, bytes(text));
    }

    private static byte[] splice(byte[] body, int from, int to, byte[] middle) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + middle.length);
        out.write(body, 0, from);
        out.write(middle, 0, middle.length);
        out.write(body, to, body.length - to);
        return out.toByteArray();
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
