package io.github.ontapkafka.iscsi.tracking;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pool against a plain list of the uses handed out: a value is held while any of its uses is, under one id and
 * as the instance first given, and dropped with the last.
 */
class ValuePoolPropertiesTest {

    @Property(tries = 500)
    void holdsExactlyTheValuesInUseEachUnderOneIdAndInstance(@ForAll("scripts") List<Step> script) {
        ValuePool pool = new ValuePool();
        List<Use> uses = new ArrayList<>();
        for (Step step : script) {
            if (step instanceof Take take) {
                // A fresh instance each time: equal values must still come back as the one first taken.
                String value = new String(take.value());
                Use earlier = uses.stream().filter(use -> use.value().equals(value)).findFirst().orElse(null);
                Use use = take.byShare() ? shared(pool, value) : acquired(pool, value);
                assertThat(use.value()).isSameAs(earlier == null ? value : earlier.value());
                if (earlier != null) {
                    assertThat(use.id()).as("id of %s", value).isEqualTo(earlier.id());
                }
                uses.add(use);
            } else if (step instanceof Give give && !uses.isEmpty()) {
                Use use = uses.remove(Math.floorMod(give.pick(), uses.size()));
                if (use.byShare()) {
                    pool.unshare(use.value());
                } else {
                    pool.release(use.id());
                }
                if (uses.stream().noneMatch(other -> other.id() == use.id())) {
                    assertThat(pool.value(use.id())).as("%s after its last use", use.value()).isNull();
                }
            }
            assertThat(pool.useCounts()).isEqualTo(counts(uses));
            assertThat(pool.acquire(null)).as("id of null").isZero();
        }
    }

    @Provide
    Arbitrary<List<Step>> scripts() {
        Arbitrary<Step> take = Combinators.combine(Arbitraries.of("chap", "none", "svm1", "iscsi_lif1", ""),
                Arbitraries.of(true, false)).as(Take::new);
        Arbitrary<Step> give = Arbitraries.integers().between(0, 99).map(Give::new);
        return Arbitraries.frequencyOf(Tuple.of(3, take), Tuple.of(2, give)).list().ofMaxSize(80);
    }

    sealed interface Step permits Take, Give {
    }

    /** Takes a use of a value, through {@code acquire} or through {@code share}. */
    record Take(String value, boolean byShare) implements Step {
    }

    /** Gives back the {@code pick}th use still held. */
    record Give(int pick) implements Step {
    }

    /** A use handed out: the instance the pool gave, and its id. */
    private record Use(String value, int id, boolean byShare) {
    }

    private static Use acquired(ValuePool pool, String value) {
        int id = pool.acquire(value);
        return new Use((String) pool.value(id), id, false);
    }

    private static Use shared(ValuePool pool, String value) {
        String instance = pool.share(value);
        // Its id, found without changing its count: acquiring a value held takes no new id.
        int id = pool.acquire(instance);
        pool.release(id);
        return new Use(instance, id, true);
    }

    private static Map<Object, Integer> counts(List<Use> uses) {
        Map<Object, Integer> counts = new HashMap<>();
        uses.forEach(use -> counts.merge(use.value(), 1, Integer::sum));
        return counts;
    }
}
