package io.github.ontapkafka.iscsi.ontap;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void doublesFromTheBaseUpToTheMaximum() {
        assertThat(Backoff.exponential(SECOND, 0, MINUTE)).isEqualTo(SECOND);
        assertThat(Backoff.exponential(SECOND, 1, MINUTE)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Backoff.exponential(SECOND, 5, MINUTE)).isEqualTo(Duration.ofSeconds(32));
        assertThat(Backoff.exponential(SECOND, 6, MINUTE)).isEqualTo(MINUTE);
    }

    @Test
    void noNumberOfDoublingsOverflows() {
        for (int doublings : new int[]{30, 31, 62, 63, 64, 1_000, Integer.MAX_VALUE}) {
            assertThat(Backoff.exponential(Duration.ofMillis(1_500), doublings, MINUTE)).isEqualTo(MINUTE);
            Duration longest = Duration.ofMillis(Long.MAX_VALUE);
            assertThat(Backoff.exponential(Duration.ofMillis(Long.MAX_VALUE / 3), doublings, longest)).isEqualTo(longest);
        }
    }

    @Test
    void aZeroBaseNeverWaits() {
        assertThat(Backoff.exponential(Duration.ZERO, 100, MINUTE)).isEqualTo(Duration.ZERO);
    }
}
