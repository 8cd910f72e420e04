package io.github.ontapkafka.iscsi.demo;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TeardownTest {

    private final List<String> stopped = new ArrayList<>();
    private final Teardown teardown = new Teardown();

    @Test
    void stopsTheLastStartedFirst() {
        teardown.add("registry", () -> stopped.add("registry"));
        teardown.add("broker", () -> stopped.add("broker"));
        teardown.add("view", () -> stopped.add("view"));

        teardown.stopAll();

        assertThat(stopped).containsExactly("view", "broker", "registry");
        assertThat(teardown.isStopping()).isTrue();
    }

    @Test
    void aPartThatFailsToStopDoesNotKeepTheOthersRunning() {
        teardown.add("registry", () -> stopped.add("registry"));
        teardown.add("broker", () -> {
            throw new IllegalStateException("stuck");
        });

        teardown.stopAll();

        assertThat(stopped).containsExactly("registry");
    }

    @Test
    void aPartStartedWhileStoppingIsStoppedAtOnce() {
        teardown.stopAll();

        assertThatThrownBy(() -> teardown.add("broker", () -> stopped.add("broker")))
                .isInstanceOf(CancellationException.class);
        assertThat(stopped).containsExactly("broker");
    }

    @Test
    void stoppingTwiceStopsEachPartOnce() {
        teardown.add("registry", () -> stopped.add("registry"));

        teardown.stopAll();
        teardown.stopAll();

        assertThat(stopped).containsExactly("registry");
    }
}
