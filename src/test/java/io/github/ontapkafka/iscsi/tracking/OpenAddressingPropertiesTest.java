package io.github.ontapkafka.iscsi.tracking;

import io.github.ontapkafka.iscsi.model.SessionKey;
import io.github.ontapkafka.iscsi.ontap.LiveSessions;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two open-addressing indexes against a {@code HashMap}, over random additions and removals of entries whose
 * hashes are equal in groups of 8 or 16: they pile up in long runs, wrapping round the end of the table, and a
 * removal that does not move the rest of its run back (backward shift) leaves entries that lookups cannot reach.
 */
class OpenAddressingPropertiesTest {

    private static final int ENTRIES = 64;
    /** "Aa" and "BB" have the same {@code String.hashCode}: these keys' hashes differ by their TSIH only. */
    private static final List<String> SVMS = List.of("svm-Aa", "svm-BB");
    private static final List<String> PORTAL_GROUPS = List.of("lif-AaAa", "lif-AaBB", "lif-BBAa", "lif-BBBB");

    @Property(tries = 300)
    void keyIndexFindsExactlyWhatAHashMapHolds(@ForAll("edits") List<Edit> edits) {
        KeyIndex index = new KeyIndex();
        Map<SessionKey, TrackedSession> model = new HashMap<>();
        for (Edit edit : edits) {
            TrackedSession session = session(edit.entry());
            apply(edit, session, session.key(), index, model);

            for (int entry = 0; entry < ENTRIES; entry++) {
                SessionKey key = key(entry);
                assertThat(index.get(key)).as("session of %s", key).isSameAs(model.get(key));
            }
            assertThat(index.size()).isEqualTo(model.size());
            assertThat(new HashSet<>(index.all())).isEqualTo(new HashSet<>(model.values()));
        }
    }

    /** Besides finding sessions by fingerprint, marks exactly those a poll showed, until the index next changes. */
    @Property(tries = 300)
    void fingerprintIndexFindsAndMarksExactlyWhatAHashMapHolds(@ForAll("edits") List<Edit> edits) {
        FingerprintIndex index = new FingerprintIndex();
        Map<Long, TrackedSession> model = new HashMap<>();
        for (Edit edit : edits) {
            TrackedSession session = session(edit.entry());
            apply(edit, session, session.fingerprint(), index, model);

            for (int entry = 0; entry < ENTRIES; entry++) {
                long fingerprint = session(entry).fingerprint();
                int slot = index.find(fingerprint);
                assertThat(slot < 0 ? null : index.at(slot)).as("session of fingerprint %x", fingerprint)
                        .isSameAs(model.get(fingerprint));
            }
            assertThat(index.find(LiveSessions.NO_FINGERPRINT)).isNegative();
            assertThat(index.size()).isEqualTo(model.size());
            assertMarksOnly(index, model, edit.marks());
        }
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<Boolean> add = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(true)),
                Tuple.of(2, Arbitraries.just(false)));
        return Combinators.combine(add, Arbitraries.integers().between(0, ENTRIES - 1), Arbitraries.longs())
                .as(Edit::new).list().ofMaxSize(150);
    }

    /**
     * Adds (or replaces, as a session table does: removal first) or removes the session of {@code entry}; then a
     * poll shows the sessions whose entries' bits are set in {@code marks}.
     */
    record Edit(boolean add, int entry, long marks) {
    }

    /** Entry i: key TSIH i / 8, hash equal to that of the 7 other keys of its TSIH; fingerprint hash i % 4. */
    private static TrackedSession session(int entry) {
        long high = entry / 4 + 1;
        long fingerprint = high << 32 | ((high ^ (entry % 4)) & 0xFFFF_FFFFL);
        return new TrackedSession(key(entry), 1, fingerprint, null);
    }

    private static SessionKey key(int entry) {
        return new SessionKey(SVMS.get(entry % 2), PORTAL_GROUPS.get(entry / 2 % 4), entry / 8);
    }

    private static <K> void apply(Edit edit, TrackedSession session, K key, OpenAddressing index,
                                  Map<K, TrackedSession> model) {
        TrackedSession present = model.remove(key);
        if (present != null) {
            index.remove(present);
        }
        if (edit.add()) {
            index.add(session);
            model.put(key, session);
        } else if (present == null) {
            index.remove(session); // not in the index: changes nothing
        }
    }

    private static void assertMarksOnly(FingerprintIndex index, Map<Long, TrackedSession> model, long marks) {
        index.clearMarks();
        List<TrackedSession> unmarked = new ArrayList<>();
        for (int entry = 0; entry < ENTRIES; entry++) {
            TrackedSession session = model.get(session(entry).fingerprint());
            if (session != null && (marks >>> entry & 1) != 0) {
                int slot = index.find(session.fingerprint());
                assertThat(index.markSeen(slot)).as("first mark").isTrue();
                assertThat(index.markSeen(slot)).as("second mark").isFalse();
            } else if (session != null) {
                unmarked.add(session);
            }
        }
        for (TrackedSession session : model.values()) {
            assertThat(index.seen(session)).isEqualTo(!unmarked.contains(session));
        }
        List<TrackedSession> unseen = new ArrayList<>();
        index.forEachUnseen(unseen::add);
        assertThat(unseen).containsExactlyInAnyOrderElementsOf(unmarked);
    }
}
