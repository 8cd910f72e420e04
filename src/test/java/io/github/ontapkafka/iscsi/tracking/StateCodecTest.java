package io.github.ontapkafka.iscsi.tracking;

import io.github.ontapkafka.iscsi.model.SessionKey;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateCodecTest {

    /** A cluster-sized state: a few SVMs, a few dozen portal groups, random digests (incompressible, worst case). */
    static DigestSnapshot snapshot(int sessions, long seed) {
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
                digests.values().stream().mapToLong(Long::longValue).toArray(), names);
    }

    private static void assertSame(DigestSnapshot actual, DigestSnapshot expected) {
        assertThat(actual.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.key(i)).isEqualTo(expected.key(i));
            assertThat(actual.digest(i)).isEqualTo(expected.digest(i));
        }
        assertThat(actual.svmNames()).isEqualTo(expected.svmNames());
    }

    @Test
    void roundTrips() {
        DigestSnapshot original = snapshot(1_000, 7);

        assertSame(StateCodec.decode(StateCodec.encode(original)), original);
    }

    /** Offsets outlive the code that wrote them: the stored form of a given state must never change. */
    @Test
    void encodesAStateExactlyAsEarlierVersionsStoredIt() {
        String svmA = "0d3f7a2e-1111-4b6b-9c1e-5f2a9e3c0001";
        String svmB = "0d3f7a2e-2222-4b6b-9c1e-5f2a9e3c0002";
        DigestSnapshot state = new DigestSnapshot(
                new SessionKey[]{new SessionKey(svmA, "iscsi_lif_a", 1), new SessionKey(svmA, "iscsi_lif_a", 300),
                        new SessionKey(svmA, "lif_é", 65535), new SessionKey(svmB, "iscsi_lif_a", 7)},
                new long[]{1L, 0x00ab_cdef_0123_4567L, 0x00ff_ffff_ffff_ffffL, 0x0080_0000_0000_0001L},
                Map.of(svmA, "svm_prod_01"));

        assertThat(StateCodec.encode(state)).isEqualTo(
                "AQIkMGQzZjdhMmUtMTExMS00YjZiLTljMWUtNWYyYTllM2MwMDAxC3N2bV9wcm9kXzAxJDBkM2Y3YTJlLTIyMjItNGI2Yi05YzFlLTVmMmE5ZTNjMDAwMgADAAtp"
                + "c2NzaV9saWZfYQIBAAAAAAAAAasCq83vASNFZwAGbGlmX8OpAf//A/////////8BC2lzY3NpX2xpZl9hAQeAAAAAAAAB");
        assertSame(StateCodec.decode(StateCodec.encode(state)), state);
    }

    @Test
    void roundTripsTheEmptyState() {
        assertSame(StateCodec.decode(StateCodec.encode(DigestSnapshot.EMPTY)), DigestSnapshot.EMPTY);
    }

    @Test
    void twentyThousandSessionsStayFarBelowKafkasMessageLimit() {
        int bytes = StateCodec.encode(snapshot(20_000, 1)).length();
        int fiftyThousand = StateCodec.encode(snapshot(50_000, 2)).length();

        assertThat(bytes).isLessThan(256 * 1024);
        assertThat(fiftyThousand).isLessThan(1024 * 1024);
    }

    @Test
    void rejectsAnotherVersion() {
        byte[] bytes = Base64.getDecoder().decode(StateCodec.encode(snapshot(3, 1)));
        bytes[0] = 9;

        assertThatThrownBy(() -> StateCodec.decode(Base64.getEncoder().encodeToString(bytes)))
                .hasMessageContaining("encoding version 9");
    }

    @Test
    void rejectsTruncatedAndNonBase64Input() {
        String encoded = StateCodec.encode(snapshot(10, 1));

        assertThatThrownBy(() -> StateCodec.decode(encoded.substring(0, encoded.length() / 2 / 4 * 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sessions");
        assertThatThrownBy(() -> StateCodec.decode("not base64 !"))
                .hasMessageContaining("not base64");
    }
}
