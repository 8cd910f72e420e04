package io.github.ontapkafka.iscsi.demo;

import io.github.ontapkafka.iscsi.model.EmsEvent;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.simulator.RunningSimulator;
import io.github.ontapkafka.iscsi.simulator.SimulatedCluster;
import io.github.ontapkafka.iscsi.simulator.SimulatedNode;
import io.github.ontapkafka.iscsi.simulator.SimulatorOptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PacedChurnTest {

    private static final PacedChurn.Pace QUICK = new PacedChurn.Pace(Duration.ofMillis(20), Duration.ofMillis(40),
            Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofMillis(500), Duration.ofSeconds(30));
    /** Nothing but the early refused login happens within the test. */
    private static final Duration NEVER = Duration.ofHours(1);
    private static final PacedChurn.Pace ONLY_AN_EARLY_REFUSAL = new PacedChurn.Pace(NEVER, NEVER, NEVER, NEVER,
            NEVER, Duration.ofMillis(50));

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

    @Test
    void refusesOneLoginEarlyTriedByALiveSessionsInitiatorOnItsSvmAndLifFromAnAddressNoOneUses() throws Exception {
        RunningSimulator simulator = RunningSimulator.launch(SimulatorOptions.parse("--port", "0", "--clusters", "1",
                "--sessions", "4"));
        SimulatedCluster cluster = simulator.clusters().get(0);
        List<IscsiSession> sessions = cluster.sessions();
        try (PacedChurn churn = PacedChurn.start(simulator, ONLY_AN_EARLY_REFUSAL)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !cluster.emsEvents().isEmpty());
        } finally {
            simulator.close();
        }

        EmsEvent refused = cluster.emsEvents().get(0);
        assertThat(cluster.emsEvents()).hasSize(1);
        assertThat(refused.messageName()).isEqualTo("iscsi.loginIpNotAuthorized");
        assertThat(sessions).anySatisfy(session -> {
            assertThat(refused.parameter("initiator_name")).isEqualTo(session.initiatorName());
            assertThat(refused.parameter("vserver")).isEqualTo(session.svm().name());
            assertThat(refused.parameter("lif")).isEqualTo(session.targetPortalGroup());
        });
        String address = refused.parameter("initiator_ip_address");
        assertThat(address).matches("203\\.0\\.113\\.\\d+");
        assertThat(sessions).flatMap(IscsiSession::connections)
                .noneMatch(connection -> address.equals(connection.initiatorAddress().address()));
        assertThat(cluster.nodes()).extracting(SimulatedNode::uuid).contains(refused.nodeUuid());
    }
}
