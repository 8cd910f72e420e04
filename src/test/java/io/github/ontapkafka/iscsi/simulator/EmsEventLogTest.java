package io.github.ontapkafka.iscsi.simulator;

import io.github.ontapkafka.iscsi.fixtures.ManualClock;
import io.github.ontapkafka.iscsi.model.EmsEvent;
import io.github.ontapkafka.iscsi.model.EmsParameter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmsEventLogTest {

    private static final String INITIATOR = "iqn.1994-05.com.redhat:0a1b2c3d4e5f";

    private final ManualClock clock = new ManualClock("2026-11-30T08:01:02Z");
    private final SimulatedCluster cluster = SimulatedCluster.named("cluster1");
    private final SimulatedNode first;
    private final SimulatedNode second;

    EmsEventLogTest() {
        cluster.setClock(clock);
        first = cluster.nodes().get(0);
        second = cluster.nodes().get(1);
    }

    @Test
    void aClusterHasTwoNodesNamedAfterItWithUuidsDerivedFromItsOwn() {
        assertThat(cluster.nodes()).extracting(SimulatedNode::name).containsExactly("cluster1-01", "cluster1-02");
        assertThat(cluster.nodes()).extracting(SimulatedNode::uuid).doesNotHaveDuplicates()
                .doesNotContain(cluster.uuid())
                .isEqualTo(SimulatedCluster.named("cluster1").nodes().stream().map(SimulatedNode::uuid).toList());
        assertThat(SimulatedCluster.named("cluster2").nodes()).extracting(SimulatedNode::uuid)
                .doesNotContainAnyElementsOf(cluster.nodes().stream().map(SimulatedNode::uuid).toList());
    }

    @Test
    void aClusterCanHaveAnyNumberOfNodes() {
        SimulatedCluster large = new SimulatedCluster("big", "big-uuid", SimulatedCluster.DEFAULT_VERSION, 4);

        assertThat(large.nodes()).extracting(SimulatedNode::name).containsExactly("big-01", "big-02", "big-03",
                "big-04");
        assertThatThrownBy(() -> new SimulatedCluster("none", "u", SimulatedCluster.DEFAULT_VERSION, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRefusedLoginIsRecordedAsOntapWritesIt() {
        EmsEvent event = cluster.logLoginRefused(first, INITIATOR, "svm_prod_01", "iscsi_lif_a1", "203.0.113.77");

        assertThat(event).isEqualTo(new EmsEvent(first.uuid(), "cluster1-01", 1, Instant.parse("2026-11-30T08:01:02Z"),
                "iscsi.loginIpNotAuthorized", "notice", "iscsi.loginIpNotAuthorized: iSCSI login authorization "
                + "failure. Initiator " + INITIATOR + " attempted to log in on Vserver svm_prod_01, LIF iscsi_lif_a1 "
                + "from IP address 203.0.113.77",
                List.of(new EmsParameter("initiator_name", INITIATOR), new EmsParameter("vserver", "svm_prod_01"),
                        new EmsParameter("lif", "iscsi_lif_a1"), new EmsParameter("initiator_ip_address", "203.0.113.77")),
                "iscsi"));
        assertThat(cluster.emsEvents()).containsExactly(event);
    }

    @Test
    void everyMessageFillsItsSyslogText() {
        assertThat(cluster.logLoginFailure(first, "Authentication failed").logMessage())
                .isEqualTo("iscsi.loginFailure: ISCSI: iSCSI login failure, 'Authentication failed'");
        assertThat(cluster.logInitiatorLoginMissing(first, INITIATOR, "svm_prod_01", "ps1", "svm-uuid-1"))
                .satisfies(missing -> {
                    assertThat(missing.logMessage()).startsWith("san.initiator.login.missing: Initiator \""
                            + INITIATOR + "\" is not logged in to any LIFs on this node for Vserver \"svm_prod_01\", "
                            + "portset \"ps1\".");
                    assertThat(missing.parameter("vserver_uuid")).isEqualTo("svm-uuid-1");
                });
        assertThat(cluster.logInitiatorLoginRestored(first, INITIATOR, "svm_prod_01", "ps1", "svm-uuid-1").logMessage())
                .isEqualTo("san.initiator.login: Missing login for initiator \"" + INITIATOR + "\", Vserver "
                        + "\"svm_prod_01\", portset \"ps1\", has been logged on.");
    }

    @Test
    void everyEventTakesItsNodesNextIndexSoTheIscsiEventsHaveGaps() {
        cluster.logNoise(first, 3);
        EmsEvent refused = cluster.logLoginRefused(first, INITIATOR, "svm_prod_01", "iscsi_lif_a1", "203.0.113.77");
        cluster.logNoise(second, 1);
        cluster.logNoise(first, 2);
        EmsEvent failed = cluster.logLoginFailure(first, "Authentication failed");
        EmsEvent onSecond = cluster.logLoginFailure(second, "Authentication failed");

        assertThat(refused.index()).isEqualTo(4);
        assertThat(failed.index()).isEqualTo(7);
        assertThat(onSecond.index()).isEqualTo(2);
        assertThat(cluster.emsEvents()).filteredOn(event -> event.nodeUuid().equals(first.uuid()))
                .extracting(EmsEvent::messageName).containsExactly("mgmtgwd.rootvolrec.low.space", "wafl.scan.done",
                        "mgmtgwd.rootvolrec.low.space", "iscsi.loginIpNotAuthorized", "mgmtgwd.rootvolrec.low.space",
                        "wafl.scan.done", "iscsi.loginFailure");
    }

    @Test
    void aNodeHoldsOnlyItsNewestEventsAndKeepsCounting() {
        cluster.setEmsRetention(3);

        cluster.logNoise(first, 5);
        cluster.logNoise(second, 1);

        assertThat(cluster.emsEvents()).extracting(event -> event.nodeName() + "#" + event.index())
                .containsExactly("cluster1-01#3", "cluster1-01#4", "cluster1-01#5", "cluster1-02#1");
        cluster.setEmsRetention(1);
        assertThat(cluster.emsEvents()).extracting(EmsEvent::index).containsExactly(5L, 1L);
    }

    @Test
    void suppressionDropsARepeatWithinTheWindowWithoutUsingAnIndex() {
        cluster.setEmsSuppression(Duration.ofSeconds(30));

        EmsEvent logged = cluster.logLoginFailure(first, "Authentication failed");
        clock.advance(Duration.ofSeconds(10));
        EmsEvent repeat = cluster.logLoginFailure(first, "Authentication failed");
        EmsEvent otherText = cluster.logLoginFailure(first, "Unsupported text key");
        EmsEvent otherNode = cluster.logLoginFailure(second, "Authentication failed");
        clock.advance(Duration.ofSeconds(20));
        EmsEvent afterWindow = cluster.logLoginFailure(first, "Authentication failed");

        assertThat(logged.index()).isEqualTo(1);
        assertThat(repeat).isNull();
        assertThat(otherText.index()).isEqualTo(2);
        assertThat(otherNode.index()).isEqualTo(1);
        assertThat(afterWindow.index()).isEqualTo(3);
        assertThat(cluster.emsEvents()).hasSize(4);
    }

    @Test
    void aReleaseCanLackAMessageAndLogUnknownOnes() {
        assertThat(cluster.removeFromCatalogue("iscsi.loginIpNotAuthorized")).isTrue();

        assertThat(cluster.hasEmsMessage("iscsi.loginIpNotAuthorized")).isFalse();
        assertThatThrownBy(() -> cluster.logLoginRefused(first, INITIATOR, "svm", "lif", "203.0.113.77"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("iscsi.loginIpNotAuthorized");
        EmsEvent newer = cluster.logEvent(first, "iscsi.login.newThing", "NOTICE",
                new EmsParameter("initiator", INITIATOR), new EmsParameter("reason", "42"));
        assertThat(newer.severity()).isEqualTo("notice");
        assertThat(newer.logMessage()).isEqualTo("iscsi.login.newThing: " + INITIATOR + ", 42");
        assertThat(cluster.hasEmsMessage("iscsi.login.newThing")).isTrue();
    }

    @Test
    void refusesNodesOfAnotherCluster() {
        SimulatedNode stranger = SimulatedCluster.named("cluster9").nodes().get(0);

        assertThatThrownBy(() -> cluster.logLoginFailure(stranger, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
