package io.github.ontapkafka.iscsi.tracking;

import java.nio.charset.StandardCharsets;

/**
 * Reads what a {@link ByteWriter} wrote: bytes and unsigned LEB128 varints, for both of the state's binary forms.
 * Input that ends early or holds a malformed number is refused with an {@link IllegalArgumentException} saying so.
 */
class ByteReader {

    private static final int MAX_VARLONG_BYTES = 10;

    private final byte[] bytes;
    private int position;

    ByteReader(byte[] bytes) {
        this.bytes = bytes;
    }

    final int remaining() {
        return bytes.length - position;
    }

    /** The next byte, unsigned. */
    final int read() {
        if (position == bytes.length) {
            throw new IllegalArgumentException("ends early");
        }
        return bytes[position++] & 0xff;
    }

    final String utf8(int length) {
        if (length > remaining()) {
            throw new IllegalArgumentException("ends early");
        }
        String value = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    /** Seven bits a byte, least significant first, as {@link ByteWriter#varint} writes them. */
    final long varlong() {
        long value = 0;
        for (int i = 0; i < MAX_VARLONG_BYTES; i++) {
            int b = read();
            value |= (long) (b & 0x7f) << (7 * i);
            if (b < 0x80) {
                return value;
            }
        }
        throw new IllegalArgumentException("holds a number longer than " + MAX_VARLONG_BYTES + " bytes");
    }

    /** A varint that must be a non-negative {@code int}: a count, an index or an id. */
    final int varint() {
        long value = varlong();
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("holds a number out of range: " + Long.toUnsignedString(value));
        }
        return (int) value;
    }
}
