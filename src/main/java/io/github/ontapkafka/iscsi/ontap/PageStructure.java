package io.github.ontapkafka.iscsi.ontap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Finds the members of a page's top-level object and the records of its {@code records} array by their brackets
 * and quotes alone, without tokenising what lies between: a fraction of the cost of a full JSON parse, which is most
 * of what a poll costs once records are recognised by fingerprint. It checks the page's structure (balanced and
 * properly nested brackets, closed strings, commas and colons where they belong) but not the scalars inside a
 * record; that is sound because a record is either byte-for-byte one already read and validated, or is read now,
 * by a full parser, before anything is emitted.
 */
final class PageStructure {

    private static final int MAX_DEPTH = 64;
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long QUOTES = ONES * '"';
    private static final long BACKSLASHES = ONES * '\\';

    private final byte[] body;
    private final int end;
    private final byte[] closers = new byte[MAX_DEPTH];

    private PageStructure(byte[] body) {
        this.body = body;
        this.end = body.length;
    }

    /** Receives the top-level members, each at the index where its value starts. */
    interface MemberVisitor {
        /**
         * Takes in the member whose name is the string literal {@code body[nameStart, nameEnd)}, quotes included
         * and not yet checked or unescaped, and returns the index just after its value (see {@link #valueEnd}).
         */
        int member(int nameStart, int nameEnd, int valueStart) throws MalformedResponseException;
    }

    /** Receives each element of an array that must hold objects only. */
    interface ObjectVisitor {
        void object(int start, int end);
    }

    /** Walks the top-level object of {@code body}, which must be all there is (white space aside). */
    static void members(byte[] body, MemberVisitor visitor) throws MalformedResponseException {
        PageStructure page = new PageStructure(body);
        int i = page.expect(page.skipWhiteSpace(0), '{', "response: expected an object");
        i = page.skipWhiteSpace(i);
        if (page.at(i) == '}') {
            page.expectEnd(i + 1);
            return;
        }
        while (true) {
            page.expect(i, '"', "response: expected a member name");
            int nameStart = i;
            int nameEnd = page.skipString(i + 1);
            i = page.skipWhiteSpace(nameEnd);
            if (page.at(i) != ':') {
                throw page.unexpected(i, "response: expected ':' after " + page.text(nameStart, nameEnd));
            }
            i = page.skipWhiteSpace(visitor.member(nameStart, nameEnd, page.skipWhiteSpace(i + 1)));
            if (page.at(i) == '}') {
                page.expectEnd(i + 1);
                return;
            }
            if (page.at(i) != ',') {
                throw page.unexpected(i, "response: expected ',' or '}' after " + page.text(nameStart, nameEnd));
            }
            i = page.skipWhiteSpace(i + 1);
        }
    }

    /** The index just after the value that starts at {@code body[from]}. */
    static int valueEnd(byte[] body, int from) throws MalformedResponseException {
        return new PageStructure(body).skipValue(from);
    }

    /**
     * Walks the array starting at {@code body[from]}, every element of which must be an object, and returns the
     * index just after it.
     */
    static int objects(byte[] body, int from, String path, ObjectVisitor visitor)
            throws MalformedResponseException {
        PageStructure page = new PageStructure(body);
        int i = page.skipWhiteSpace(page.expect(from, '[', path + ": expected an array"));
        if (page.at(i) == ']') {
            return i + 1;
        }
        // Messages are built only on failure: this loop runs once per record of every poll.
        for (int index = 0; ; index++) {
            if (page.at(i) != '{') {
                throw page.unexpected(i, path + "[" + index + "]: expected an object");
            }
            int objectEnd = page.skipValue(i);
            visitor.object(i, objectEnd);
            i = page.skipWhiteSpace(objectEnd);
            if (page.at(i) == ']') {
                return i + 1;
            }
            if (page.at(i) != ',') {
                throw page.unexpected(i, path + ": expected ',' or ']' after element " + index);
            }
            i = page.skipWhiteSpace(i + 1);
        }
    }

    private int at(int i) {
        return i < end ? body[i] : -1;
    }

    private int expect(int i, char expected, String message) throws MalformedResponseException {
        if (at(i) != expected) {
            throw unexpected(i, message);
        }
        return i + 1;
    }

    /** Raw bytes for a message. */
    private String text(int from, int to) {
        return new String(body, from, to - from, StandardCharsets.UTF_8);
    }

    private MalformedResponseException unexpected(int i, String message) {
        return new MalformedResponseException(message + (i < end ? " at byte " + i : ", but the body ends"));
    }

    private void expectEnd(int i) throws MalformedResponseException {
        if (skipWhiteSpace(i) != end) {
            throw new MalformedResponseException("response: unexpected content after the JSON object");
        }
    }

    private int skipWhiteSpace(int i) {
        while (i < end && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t')) {
            i++;
        }
        return i;
    }

    /**
     * The index just after the value starting at {@code i}: a container, a string, or a scalar's bytes. A scalar
     * ends at the first byte that cannot be part of a number or literal, so that whatever follows it is left to the
     * caller's check for ',' or '}' rather than handed to the full parser as part of the value.
     */
    private int skipValue(int i) throws MalformedResponseException {
        int first = at(i);
        if (first == '{' || first == '[') {
            return skipContainer(i);
        }
        if (first == '"') {
            return skipString(i + 1);
        }
        int start = i;
        while (i < end && isScalarByte(body[i])) {
            i++;
        }
        if (i == start) {
            throw new MalformedResponseException("response: expected a value at byte " + start);
        }
        return i;
    }

    private static boolean isScalarByte(byte b) {
        return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '-' || b == '+' || b == '.';
    }

    /**
     * The index just after the bracket that closes the one at {@code i}; nesting must match. One tight loop with
     * strings skipped inline: this runs over every byte of every record, so it avoids calls and bounds tests of its
     * own and lets the array's bounds check report a body that ends too early.
     */
    private int skipContainer(int i) throws MalformedResponseException {
        byte[] body = this.body;
        byte[] closers = this.closers;
        int depth = 0;
        try {
            while (true) {
                byte b = body[i++];
                if (b == '"') {
                    i = afterString(body, i);
                } else if (b == '{' || b == '[') {
                    if (depth == MAX_DEPTH) {
                        throw new MalformedResponseException("response: nested deeper than " + MAX_DEPTH + " levels");
                    }
                    closers[depth++] = (byte) (b == '{' ? '}' : ']');
                } else if (b == '}' || b == ']') {
                    if (closers[--depth] != b) {
                        throw new MalformedResponseException("response: mismatched '" + (char) b + "' at byte " + (i - 1));
                    }
                    if (depth == 0) {
                        return i;
                    }
                }
            }
        } catch (ArrayIndexOutOfBoundsException bodyEnds) {
            throw new MalformedResponseException("not valid JSON: the body ends inside an object or array");
        }
    }

    /** The index just after the quote that closes the string whose content starts at {@code i}. */
    private int skipString(int i) throws MalformedResponseException {
        try {
            return afterString(body, i);
        } catch (ArrayIndexOutOfBoundsException bodyEnds) {
            throw new MalformedResponseException("not valid JSON: the body ends inside a string");
        }
    }

    /**
     * The index just after the quote that closes the string whose content starts at {@code i}; an index out of
     * bounds if the body ends first. Most of a page's bytes are inside strings, so this looks at eight at a time for
     * a quote or a backslash (SWAR), the only bytes that matter there: the scan's cost, and its stability from one
     * JVM to the next, depend on it (BENCHMARKS.md, "What the profiles showed").
     */
    private static int afterString(byte[] body, int i) {
        while (true) {
            if (i + Long.BYTES <= body.length) {
                long word = (long) WORDS.get(body, i);
                long special = zeroBytes(word ^ QUOTES) | zeroBytes(word ^ BACKSLASHES);
                if (special == 0) {
                    i += Long.BYTES;
                    continue;
                }
                i += Long.numberOfTrailingZeros(special) >>> 3;
            }
            byte c = body[i++];
            if (c == '"') {
                return i;
            }
            if (c == '\\') {
                i++;
            }
        }
    }

    /**
     * The high bit of each zero byte of {@code word} set, up to and including its lowest zero byte (bytes above it may
     * be flagged wrongly, which the caller's count of trailing zeros never reaches).
     */
    private static long zeroBytes(long word) {
        return (word - ONES) & ~word & HIGH_BITS;
    }
}
