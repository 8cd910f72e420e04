package io.github.ontapkafka.iscsi.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The worst case of first-seen times for the size of an offset: every session logged in at a poll of its own, polls
 * {@code interval} apart, in an order unrelated to their keys. For the tests and the benchmarks.
 */
public final class FirstSeenSpread {

    private static final Instant FIRST_POLL = Instant.parse("2026-11-02T08:00:00Z");

    private FirstSeenSpread() {
    }

    /** The {@code sessions} field of such an offset, as the codec writes it. */
    public static String encodedState(int sessions, Duration interval) {
        List<Integer> polls = new ArrayList<>(IntStream.range(0, sessions).boxed().toList());
        Collections.shuffle(polls, new Random(3));
        return StateCodec.encode(StateCodecTest.snapshot(sessions, 1,
                i -> FirstSeen.exactly(FIRST_POLL.plus(interval.multipliedBy(polls.get(i))))));
    }
}
