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
 * <p>Built like wyhash: each 16 bytes are folded with one 64 × 64 → 128-bit multiplication, in two independent
 * lanes, which keeps it at a small fraction of the cost of tokenising the same bytes.
 */
final class RecordFingerprint {

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long SECRET = new SecureRandom().nextLong();
    private static final long K1 = 0xa0761d6478bd642fL ^ SECRET;
    private static final long K2 = 0xe7037ed1a0b428dbL ^ Long.rotateLeft(SECRET, 21);
    private static final long K3 = 0x8ebc6af09c88c6e3L ^ Long.rotateLeft(SECRET, 42);

    private RecordFingerprint() {
    }

    /** The fingerprint of {@code bytes[from, to)}; never 0, which stands for "no fingerprint". */
    static long of(byte[] bytes, int from, int to) {
        long lane1 = K3 ^ (to - from);
        long lane2 = K3 ^ K1;
        int i = from;
        for (; i + 32 <= to; i += 32) {
            lane1 = fold(word(bytes, i) ^ K1, word(bytes, i + 8) ^ lane1);
            lane2 = fold(word(bytes, i + 16) ^ K2, word(bytes, i + 24) ^ lane2);
        }
        long h = lane1 ^ Long.rotateLeft(lane2, 32);
        for (; i + 16 <= to; i += 16) {
            h = fold(word(bytes, i) ^ K1, word(bytes, i + 8) ^ h);
        }
        long low = 0;
        long high = 0;
        for (int shift = 0; i < to; i++, shift += 8) {
            if (shift < 64) {
                low |= (bytes[i] & 0xffL) << shift;
            } else {
                high |= (bytes[i] & 0xffL) << (shift - 64);
            }
        }
        h = fold(low ^ K2, high ^ h);
        h = fold(h ^ K1, (to - from) ^ K3);
        return h == 0 ? 1 : h;
    }

    private static long word(byte[] bytes, int index) {
        return (long) WORDS.get(bytes, index);
    }

    /** Both halves of the 128-bit product, folded into 64 bits. */
    private static long fold(long a, long b) {
        return Math.multiplyHigh(a, b) ^ (a * b);
    }
}
