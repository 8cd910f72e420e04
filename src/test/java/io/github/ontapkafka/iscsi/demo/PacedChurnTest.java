package io.github.ontapkafka.iscsi.demo;

import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.simulator.RunningSimulator;
import io.github.ontapkafka.iscsi.simulator.SimulatedCluster;
import io.github.ontapkafka.iscsi.simulator.SimulatorOptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PacedChurnTest {

    private static final PacedChurn.Pace QUICK = new PacedChurn.Pace(Duration.ofMillis(20), Duration.ofMillis(40),
            Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofMillis(500));

    @Test
    void changesTheClustersAndNowAndThenTroublesOneForAWhile() throws Exception {
        RunningSimulator simulator = RunningSimulator.launch(SimulatorOptions.parse("--port", "0", "--clusters", "1",
                "--sessions", "4"));
        SimulatedCluster cluster = simulator.clusters().get(0);
        List<IscsiSession> before = cluster.sessions();
        try (PacedChurn churn = PacedChurn.start(simulator, QUICK)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !cluster.faults().pending().isEmpty());
            assertThat(cluster.faults().pending().get(0).fault().toString()).as("a rejected password first")
                    .isEqualTo("status 401");
            await().atMost(Duration.ofSeconds(10)).until(() -> cluster.faults().pending().isEmpty());
            assertThat(cluster.sessions()).isNotEqualTo(before);
        } finally {
            simulator.close();
        }
    }
}
