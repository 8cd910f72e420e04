package io.github.ontapkafka.iscsi.tracking;

import io.github.ontapkafka.iscsi.model.SessionKey;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offset form of a state reads back as the state, whatever its keys, digests, first-seen times and SVM names.
 */
class StateCodecPropertiesTest {

    private static final long LARGEST_DIGEST = (1L << (SessionDigest.BYTES * 8)) - 1;

    @Property(tries = 500)
    void anyStateReadsBackAsItWas(@ForAll("states") DigestSnapshot state) {
        String encoded = StateCodec.encode(state);
        DigestSnapshot decoded = StateCodec.decode(encoded, null);

        assertThat(entries(decoded)).isEqualTo(entries(state));
        assertThat(decoded.svmNames()).isEqualTo(state.svmNames());
        assertThat(StateCodec.encode(decoded)).as("encoded again").isEqualTo(encoded);
    }

    /**
     * States of up to 4 SVMs and 40 portal groups with any names, Unicode or empty, and up to 300 sessions whose
     * TSIHs are close together or anywhere up to {@code Integer.MAX_VALUE}; the empty state among them. SVM
     * names are never empty: the form stores an unknown name as the empty string.
     */
    @Provide
    Arbitrary<DigestSnapshot> states() {
        Arbitrary<List<String>> svms = SessionArbitraries.text().list().ofMinSize(1).ofMaxSize(4).uniqueElements();
        Arbitrary<List<String>> groups = SessionArbitraries.text().list().ofMinSize(1).ofMaxSize(40)
                .uniqueElements();
        Arbitrary<Integer> tsih = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.integers().between(0, 40)),
                Tuple.of(1, Arbitraries.integers().between(0, Integer.MAX_VALUE)),
                Tuple.of(1, Arbitraries.of(0, 65535, Integer.MAX_VALUE)));
        // A few poll times shared by many sessions, as in a cluster, or any time at all; exact or a lower bound.
        Arbitrary<FirstSeen> firstSeen = Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.longs().between(0, 3).map(poll -> 1_700_000_000_000L + poll * 10_000)),
                        Tuple.of(1, Arbitraries.longs().between(0, 1L << 50)))
                .flatMap(millis -> Arbitraries.of(FirstSeen.exactly(Instant.ofEpochMilli(millis)),
                        FirstSeen.atLeastSince(Instant.ofEpochMilli(millis))))
                .injectNull(0.05);
        Arbitrary<Entry> entry = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 39), tsih,
                Arbitraries.longs().between(1, LARGEST_DIGEST), firstSeen).as(Entry::new);
        Arbitrary<List<String>> names = SessionArbitraries.text().filter(name -> !name.isEmpty()).injectNull(0.3)
                .list().ofMaxSize(5);
        return Combinators.combine(svms, groups, entry.list().ofMaxSize(300), names)
                .as(StateCodecPropertiesTest::state);
    }

    /** A session of the state: its SVM and portal group as indexes into the state's, wrapped round. */
    private record Entry(int svm, int group, int tsih, long digest, FirstSeen firstSeen) {
    }

    /** The state of {@code entries}, with {@code names.get(i)} (null: unknown) the name of SVM i, if it exists. */
    private static DigestSnapshot state(List<String> svms, List<String> groups, List<Entry> entries,
                                        List<String> names) {
        TreeMap<SessionKey, Entry> byKey = new TreeMap<>();
        for (Entry entry : entries) {
            byKey.put(new SessionKey(svms.get(entry.svm() % svms.size()),
                    groups.get(entry.group() % groups.size()), entry.tsih()), entry);
        }
        Map<String, String> svmNames = new HashMap<>();
        for (int i = 0; i < Math.min(svms.size(), names.size()); i++) {
            if (names.get(i) != null) {
                svmNames.put(svms.get(i), names.get(i));
            }
        }
        return new DigestSnapshot(byKey.keySet().toArray(new SessionKey[0]),
                byKey.values().stream().mapToLong(Entry::digest).toArray(),
                byKey.values().stream().mapToLong(entry -> FirstSeen.pack(entry.firstSeen())).toArray(), svmNames);
    }

    private static List<String> entries(DigestSnapshot state) {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < state.size(); i++) {
            entries.add(state.key(i) + " " + state.digest(i) + " " + state.firstSeen(state.key(i)));
        }
        return entries;
    }
}
