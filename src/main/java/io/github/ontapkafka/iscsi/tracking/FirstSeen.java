package io.github.ontapkafka.iscsi.tracking;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * When the task first saw a session logged in: the poll that reported its {@code LOGIN}, exactly, or, for a session
 * that was already logged in when first seen (a {@code SNAPSHOT}, a session newly in scope, or one known from an
 * offset written before sessions carried this time), that poll's time as a <em>lower bound</em>: the session was
 * logged in at least since then.
 *
 * <p>To the second: a login happened somewhere in the poll interval before the poll that saw it, so milliseconds
 * would be false precision, and whole seconds keep the offsets small (see {@link StateCodec}). Kept per session in
 * the offsets and in {@link DigestSnapshot} as one {@code long}, the epoch seconds shifted left by one with the
 * lower-bound flag in the low bit; {@link #UNKNOWN_PACKED} where no time is known at all.
 */
public record FirstSeen(Instant at, boolean lowerBound) {

    static final long UNKNOWN_PACKED = -1;

    public FirstSeen {
        at = at.truncatedTo(ChronoUnit.SECONDS);
    }

    public static FirstSeen exactly(Instant at) {
        return new FirstSeen(at, false);
    }

    public static FirstSeen atLeastSince(Instant at) {
        return new FirstSeen(at, true);
    }

    /** How long the session has been logged in at {@code now}; a lower bound if {@link #lowerBound()} is. */
    public long millisUntil(Instant now) {
        return now.toEpochMilli() - at.toEpochMilli();
    }

    static long pack(FirstSeen firstSeen) {
        return firstSeen == null ? UNKNOWN_PACKED : firstSeen.at.getEpochSecond() << 1 | (firstSeen.lowerBound ? 1 : 0);
    }

    /** @return null for {@link #UNKNOWN_PACKED} */
    static FirstSeen unpack(long packed) {
        return packed == UNKNOWN_PACKED ? null : new FirstSeen(Instant.ofEpochSecond(packed >> 1), (packed & 1) == 1);
    }
}
