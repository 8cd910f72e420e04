package io.github.ontapkafka.iscsi.tracking;

import java.util.Arrays;

/**
 * A growable byte array with unsigned LEB128 varints, the base of the state's two binary forms ({@link StateCodec}
 * for offsets, {@link CompactSession} for tracked sessions). Unlike {@code ByteArrayOutputStream} it takes no lock
 * for each byte written.
 */
class ByteWriter {

    private byte[] bytes;
    private int length;

    ByteWriter(int initialSize) {
        bytes = new byte[initialSize];
    }

    final void write(int b) {
        if (length == bytes.length) {
            bytes = Arrays.copyOf(bytes, length * 2);
        }
        bytes[length++] = (byte) b;
    }

    final void write(byte[] values) {
        if (length + values.length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length * 2, length + values.length));
        }
        System.arraycopy(values, 0, bytes, length, values.length);
        length += values.length;
    }

    /** Seven bits a byte, least significant first, the high bit set on every byte but the last. */
    final void varint(long value) {
        long v = value;
        while ((v & ~0x7fL) != 0) {
            write((int) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        write((int) v);
    }

    final byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }
}
