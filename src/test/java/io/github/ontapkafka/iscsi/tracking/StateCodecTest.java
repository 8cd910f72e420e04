package io.github.ontapkafka.iscsi.tracking;

import io.github.ontapkafka.iscsi.model.SessionKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateCodecTest {

    private static final Instant FIRST_POLL = Instant.parse("2026-11-02T08:00:00Z");
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(10);

    /**
     * A cluster-sized state: a few SVMs, a few dozen portal groups, random digests (incompressible, worst case), all
     * sessions first seen at the first poll, as after a snapshot.
     */
    static DigestSnapshot snapshot(int sessions, long seed) {
        return snapshot(sessions, seed, index -> FirstSeen.atLeastSince(FIRST_POLL));
    }

    /** As {@link #snapshot(int, long)}, the sessions first seen as {@code firstSeen} says for each in key order. */
    static DigestSnapshot snapshot(int sessions, long seed, IntFunction<FirstSeen> firstSeen) {
        Random random = new Random(seed);
        String[] svms = new String[4];
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < svms.length; i++) {
            svms[i] = new UUID(random.nextLong(), random.nextLong()).toString();
            names.put(svms[i], "svm_prod_0" + i);
        }
        TreeMap<SessionKey, Long> digests = new TreeMap<>();
        while (digests.size() < sessions) {
            SessionKey key = new SessionKey(svms[random.nextInt(svms.length)], "iscsi_lif_" + random.nextInt(32),
                    random.nextInt(65536));
            digests.put(key, (random.nextLong() >>> 8) | 1);
        }
        return new DigestSnapshot(digests.keySet().toArray(new SessionKey[0]),
                digests.values().stream().mapToLong(Long::longValue).toArray(),
                IntStream.range(0, sessions).mapToLong(i -> FirstSeen.pack(firstSeen.apply(i))).toArray(), names);
    }

    private static void assertSame(DigestSnapshot actual, DigestSnapshot expected) {
        assertThat(actual.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.key(i)).isEqualTo(expected.key(i));
            assertThat(actual.digest(i)).isEqualTo(expected.digest(i));
            assertThat(actual.packedFirstSeen(i)).as("first seen of %s", expected.key(i))
                    .isEqualTo(expected.packedFirstSeen(i));
        }
        assertThat(actual.svmNames()).isEqualTo(expected.svmNames());
    }

    @Test
    void roundTrips() {
        DigestSnapshot original = snapshot(1_000, 7);

        assertSame(StateCodec.decode(StateCodec.encode(original), null), original);
    }

    @Test
    void roundTripsSessionsFirstSeenAtManyTimesExactlyOrAsALowerBoundOrUnknown() {
        DigestSnapshot original = snapshot(1_000, 7, i -> switch (i % 4) {
            case 0 -> FirstSeen.atLeastSince(FIRST_POLL);
            case 1 -> FirstSeen.exactly(FIRST_POLL.plus(POLL_INTERVAL.multipliedBy(i)));
            case 2 -> FirstSeen.exactly(FIRST_POLL.plus(POLL_INTERVAL.multipliedBy(i % 7)));
            default -> i % 8 == 3 ? null : FirstSeen.atLeastSince(FIRST_POLL.plus(POLL_INTERVAL.multipliedBy(i % 5)));
        });

        assertSame(StateCodec.decode(StateCodec.encode(original), null), original);
    }

    private static final String SVM_A = "0d3f7a2e-1111-4b6b-9c1e-5f2a9e3c0001";
    private static final String SVM_B = "0d3f7a2e-2222-4b6b-9c1e-5f2a9e3c0002";
    private static final SessionKey[] KEYS = {new SessionKey(SVM_A, "iscsi_lif_a", 1),
            new SessionKey(SVM_A, "iscsi_lif_a", 300), new SessionKey(SVM_A, "lif_é", 65535),
            new SessionKey(SVM_B, "iscsi_lif_a", 7)};
    private static final long[] DIGESTS = {1L, 0x00ab_cdef_0123_4567L, 0x00ff_ffff_ffff_ffffL, 0x0080_0000_0000_0001L};

    /** Offsets outlive the code that wrote them: the stored form of a given state must never change. */
    @Test
    void encodesAStateExactlyAsThisVersionStoresIt() {
        DigestSnapshot state = new DigestSnapshot(KEYS, DIGESTS, new long[]{
                FirstSeen.pack(FirstSeen.atLeastSince(FIRST_POLL)), FirstSeen.pack(FirstSeen.exactly(FIRST_POLL.plus(POLL_INTERVAL))),
                FirstSeen.pack(FirstSeen.atLeastSince(FIRST_POLL)), FirstSeen.pack(null)}, Map.of(SVM_A, "svm_prod_01"));

        assertThat(StateCodec.encode(state)).isEqualTo(GOLDEN_V2);
        assertSame(StateCodec.decode(StateCodec.encode(state), null), state);
    }

    private static final String GOLDEN_V2 = "AgIkMGQzZjdhMmUtMTExMS00YjZiLTljMWUtNWYyYTllM2MwMDAxC3N2bV9wcm9kXzAxJDBkM2Y3YTJlLTIyMjItNGI2Yi05YzFlLTVmMmE5ZTNjMDAwMgADAIKMwq4NEwMAC2lz"
            + "Y3NpX2xpZl9hAgEAAAAAAAABqwKrze8BI0VnAAZsaWZfw6kB//8D/////////wELaXNjc2lfbGlmX2EBB4AAAAAAAAFk";

    @Test
    void rejectsAnIndexBeyondTheFirstSeenTimes() {
        byte[] bytes = Base64.getDecoder().decode(GOLDEN_V2);
        bytes[bytes.length - 1] = (byte) 0xff;

        assertThatThrownBy(() -> StateCodec.decode(Base64.getEncoder().encodeToString(bytes), null))
                .isInstanceOf(UnusableOffsetException.class).hasMessageContaining("first-seen time #3 of 3");
    }

    /** The form written before sessions carried first-seen times: its sessions count as seen since its poll. */
    @Test
    void readsTheFormOfVersionOneWithTheTimeItIsGiven() {
        String writtenByVersionOne = "AQIkMGQzZjdhMmUtMTExMS00YjZiLTljMWUtNWYyYTllM2MwMDAxC3N2bV9wcm9kXzAxJDBkM2Y3YTJlLTIyMjItNGI2Yi05YzFlLTVmMmE5ZTNjMDAwMgADAAtp"
                + "c2NzaV9saWZfYQIBAAAAAAAAAasCq83vASNFZwAGbGlmX8OpAf//A/////////8BC2lzY3NpX2xpZl9hAQeAAAAAAAAB";
        FirstSeen polled = FirstSeen.atLeastSince(FIRST_POLL);
        long packed = FirstSeen.pack(polled);

        assertSame(StateCodec.decode(writtenByVersionOne, polled), new DigestSnapshot(KEYS, DIGESTS,
                new long[]{packed, packed, packed, packed}, Map.of(SVM_A, "svm_prod_01")));
        assertThat(StateCodec.decode(writtenByVersionOne, null).firstSeen(KEYS[0])).isNull();
    }

    @Test
    void roundTripsTheEmptyState() {
        assertSame(StateCodec.decode(StateCodec.encode(DigestSnapshot.EMPTY), null), DigestSnapshot.EMPTY);
    }

    @Test
    void twentyThousandSessionsStayFarBelowKafkasMessageLimit() {
        int bytes = StateCodec.encode(snapshot(20_000, 1)).length();
        int fiftyThousand = StateCodec.encode(snapshot(50_000, 2)).length();

        assertThat(bytes).isLessThan(320 * 1024);
        assertThat(fiftyThousand).isLessThan(1024 * 1024);
    }

    /**
     * The worst case for first-seen times: every session logged in at a poll of its own, 20,000 polls 10 s apart
     * (more than two days of churn with no two logins seen together), in an order unrelated to their keys.
     */
    @Test
    void twentyThousandSessionsEachFirstSeenAtItsOwnPollStayWithinTheirBudget() {
        List<Integer> polls = new ArrayList<>(IntStream.range(0, 20_000).boxed().toList());
        Collections.shuffle(polls, new Random(3));
        int bytes = StateCodec.encode(snapshot(20_000, 1,
                i -> FirstSeen.exactly(FIRST_POLL.plus(POLL_INTERVAL.multipliedBy(polls.get(i)))))).length();

        assertThat(bytes).isLessThan(320 * 1024);
    }

    @Test
    void rejectsAnotherVersion() {
        byte[] bytes = Base64.getDecoder().decode(StateCodec.encode(snapshot(3, 1)));
        bytes[0] = 9;

        assertThatThrownBy(() -> StateCodec.decode(Base64.getEncoder().encodeToString(bytes), null))
                .hasMessageContaining("encoding version 9");
    }

    @Test
    void rejectsTruncatedAndNonBase64Input() {
        String encoded = StateCodec.encode(snapshot(10, 1));

        assertThatThrownBy(() -> StateCodec.decode(encoded.substring(0, encoded.length() / 2 / 4 * 4), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sessions");
        assertThatThrownBy(() -> StateCodec.decode("not base64 !", null))
                .hasMessageContaining("not base64");
    }
}
