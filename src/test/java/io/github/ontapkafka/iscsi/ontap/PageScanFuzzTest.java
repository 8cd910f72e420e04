package io.github.ontapkafka.iscsi.ontap;

import com.fasterxml.jackson.core.JsonFactory;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential fuzzing of the page scan against Jackson: for every generated body, one poll's outcome ({@code scan},
 * then {@code read} of every record) must match {@link PageOracle}'s verdict from a full Jackson parse, record for
 * record; and equal record bytes must have equal fingerprints. Bodies come from {@link PageMutator}.
 *
 * <p>A mutation fuzzer rather than jqwik properties: the interesting inputs are a few edits away from a real page,
 * the run is bounded by time rather than by a number of tries, and a failing body is shrunk here by deleting bytes
 * (which jqwik cannot do through a chain of edits), down to the few bytes a regression test in {@link PageScanTest}
 * can hold.
 *
 * <p>{@code mvn verify} runs it for {@value #DEFAULT_SECONDS} s. A longer run, with a seed to replay a failure:
 * <pre>
 * mvn -B test -Dtest=PageScanFuzzTest -Dfuzz.seconds=3600 [-Dfuzz.seed=42]
 * </pre>
 * A failure names the run's seed and the case's seed; {@code -Dfuzz.seed} with the run's seed replays the run.
 */
class PageScanFuzzTest {

    private static final int DEFAULT_SECONDS = 25;
    private static final int MAX_REPORTED = 5;
    private static final SessionPageParser PARSER = new SessionPageParser(new JsonFactory());

    @Test
    void scanPlusReadAgreesWithJackson() {
        long runSeed = Long.getLong("fuzz.seed", new Random().nextLong());
        Duration budget = Duration.ofSeconds(Long.getLong("fuzz.seconds", DEFAULT_SECONDS));
        Random seeds = new Random(runSeed);
        Map<String, String> failures = new LinkedHashMap<>();
        int cases = 0;
        int accepted = 0;
        long deadline = System.nanoTime() + budget.toNanos();
        while (System.nanoTime() < deadline && failures.size() < MAX_REPORTED) {
            long caseSeed = seeds.nextLong();
            byte[] body = new PageMutator(new Random(caseSeed)).next();
            String problem = disagreement(body);
            cases++;
            if (problem == null) {
                accepted += PageOracle.judge(body).accepted() ? 1 : 0;
                continue;
            }
            String kind = kind(problem);
            byte[] minimal = shrink(body, candidate -> {
                String other = disagreement(candidate);
                return other != null && kind(other).equals(kind);
            });
            failures.putIfAbsent(kind + " " + text(minimal), "case seed " + caseSeed + ": " + disagreement(minimal)
                    + "\n    minimal body: " + text(minimal) + "\n    original body: " + text(body));
        }
        System.out.printf("PageScanFuzzTest: seed %d, %d cases in %s, %d accepted by the oracle%n", runSeed, cases,
                budget, accepted);
        assertThat(failures.values()).as("disagreements (run seed %d)", runSeed).isEmpty();
    }

    /** Null if one poll of {@code body} concludes as the oracle does; otherwise what differs. */
    static String disagreement(byte[] body) {
        PageOracle.Verdict verdict = PageOracle.judge(body);
        SessionPage page;
        List<IscsiSession> sessions = new ArrayList<>();
        try {
            page = PARSER.scan(body);
            for (int i = 0; i < page.size(); i++) {
                sessions.add(PARSER.read(page, i));
            }
        } catch (MalformedResponseException e) {
            return verdict.accepted() ? "poll refused what Jackson accepts: " + e.getMessage() : null;
        } catch (RuntimeException | StackOverflowError e) {
            return "poll threw " + e;
        }
        if (!verdict.accepted()) {
            return "poll accepted what the oracle refuses: " + verdict.refusal();
        }
        if (page.size() != verdict.records().size()) {
            return "records differ: scan found " + page.size() + ", Jackson " + verdict.records().size();
        }
        for (int i = 0; i < page.size(); i++) {
            int start = page.recordStarts()[i];
            int end = page.recordEnds()[i];
            if (!Arrays.equals(canonical(body, start, end), verdict.records().get(i))) {
                return "records differ: record " + i + " is " + text(Arrays.copyOfRange(body, start, end));
            }
            if (!sessions.get(i).equals(verdict.sessions().get(i))) {
                return "records differ: record " + i + " reads as " + sessions.get(i);
            }
            if (page.fingerprints()[i] != RecordFingerprint.of(body, start, end) || page.fingerprints()[i] == 0) {
                return "fingerprint of record " + i + " is not that of its bytes";
            }
        }
        if (!Objects.equals(page.nextHref(), verdict.nextHref())) {
            return "next link differs: " + page.nextHref() + " vs " + verdict.nextHref();
        }
        return null;
    }

    private static byte[] canonical(byte[] body, int start, int end) {
        try {
            return PageOracle.canonical(body, start, end);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String kind(String problem) {
        return problem.substring(0, problem.indexOf(' ', problem.indexOf(' ') + 1));
    }

    /** Deletes ever smaller chunks while the body still fails in the same way (delta debugging, deletions only). */
    static byte[] shrink(byte[] body, Predicate<byte[]> fails) {
        for (int chunk = Math.max(1, body.length / 2); chunk >= 1; chunk /= 2) {
            for (int from = 0; from + chunk <= body.length; ) {
                byte[] smaller = new byte[body.length - chunk];
                System.arraycopy(body, 0, smaller, 0, from);
                System.arraycopy(body, from + chunk, smaller, from, body.length - from - chunk);
                if (fails.test(smaller)) {
                    body = smaller;
                } else {
                    from++;
                }
            }
        }
        return body;
    }

    private static String text(byte[] body) {
        StringBuilder out = new StringBuilder();
        for (char c : new String(body, StandardCharsets.UTF_8).toCharArray()) {
            out.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
