package io.github.ontapkafka.iscsi.ontap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.SecureRandom;

/**
 * A 64-bit hash of a session record's raw bytes, so that a poll can recognise a record it has read before without
 * reading it again: equal bytes make an equal session. Different records collide with a chance of about n² / 2^65
 * per poll (one in 10^11 for 20,000 sessions). The hash is keyed with a secret drawn at start-up, and its values
 * never leave the process, so an initiator cannot choose a name that collides with another session's record to
 * hide its login.
 *
 * <p>Four independent lanes of 8-byte words (the structure of xxHash64) keep it well below the cost of tokenising
 * the same bytes.
 */
final class RecordFingerprint {

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P3 = 0x165667B19E3779F9L;
    private static final long SECRET = new SecureRandom().nextLong();

    private RecordFingerprint() {
    }

    /** The fingerprint of {@code bytes[from, to)}; never 0, which stands for "no fingerprint". */
    static long of(byte[] bytes, int from, int to) {
        long a = SECRET + P1 + P2;
        long b = SECRET + P2;
        long c = SECRET;
        long d = SECRET - P1;
        int i = from;
        for (; i + 32 <= to; i += 32) {
            a = round(a, word(bytes, i));
            b = round(b, word(bytes, i + 8));
            c = round(c, word(bytes, i + 16));
            d = round(d, word(bytes, i + 24));
        }
        long h = Long.rotateLeft(a, 1) + Long.rotateLeft(b, 7) + Long.rotateLeft(c, 12) + Long.rotateLeft(d, 18);
        h += to - from;
        for (; i + 8 <= to; i += 8) {
            h = Long.rotateLeft(h ^ round(0, word(bytes, i)), 27) * P1 + P3;
        }
        for (; i < to; i++) {
            h = Long.rotateLeft(h ^ (bytes[i] & 0xffL) * P3, 11) * P1;
        }
        h = (h ^ (h >>> 33)) * P2;
        h = (h ^ (h >>> 29)) * P3;
        h ^= h >>> 32;
        return h == 0 ? 1 : h;
    }

    private static long word(byte[] bytes, int index) {
        return (long) WORDS.get(bytes, index);
    }

    private static long round(long accumulator, long word) {
        return Long.rotateLeft(accumulator + word * P2, 31) * P1;
    }
}
