package io.github.ontapkafka.iscsi.connector;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class FirstPollSpacingTest {

    @Test
    void manyClustersAreSpreadEvenlyOverOneInterval() {
        Duration spacing = OntapIscsiSourceTask.firstPollSpacing(Duration.ofSeconds(10), 200);

        assertThat(spacing).isEqualTo(Duration.ofMillis(50));
        assertThat(spacing.multipliedBy(199)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aFewClustersStartWithinSecondsOfEachOther() {
        assertThat(OntapIscsiSourceTask.firstPollSpacing(Duration.ofSeconds(30), 3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(OntapIscsiSourceTask.firstPollSpacing(Duration.ofMillis(300), 2)).isEqualTo(Duration.ofMillis(150));
    }
}
