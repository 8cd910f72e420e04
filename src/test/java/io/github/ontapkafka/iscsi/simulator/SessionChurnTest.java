package io.github.ontapkafka.iscsi.simulator;

import io.github.ontapkafka.iscsi.model.Connection;
import io.github.ontapkafka.iscsi.model.EmsEvent;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.SessionKey;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SessionChurnTest {

    private static final Pattern ISID = Pattern.compile("([0-9a-f]{2}:){5}[0-9a-f]{2}");
    private static final Pattern IQN = Pattern.compile("iqn\\.1994-05\\.com\\.redhat:[0-9a-f]{12}"
            + "|iqn\\.1991-05\\.com\\.microsoft:db-host-\\d{3}\\.corp\\.example\\.com"
            + "|iqn\\.1998-01\\.com\\.vmware:esx-\\d{2,}-[0-9a-f]{8}");
    private static final Pattern DOCUMENTATION_ADDRESS =
            Pattern.compile("(192\\.0\\.2|198\\.51\\.100|203\\.0\\.113)\\.\\d{1,3}|2001:db8:[0-9a-f:]+");

    @Test
    void theSameSeedGivesTheSameClusterHistory() {
        assertThat(history(99)).isEqualTo(history(99));
    }

    @Test
    void anotherSeedGivesAnotherHistory() {
        assertThat(history(99)).isNotEqualTo(history(100));
    }

    @Test
    void populatesTwentyThousandSessionsAndChurnsOnePercent() {
        SimulatedCluster cluster = SimulatedCluster.named("big");
        SessionChurn churn = new SessionChurn(5);

        churn.populate(cluster, 20_000);
        ChurnSummary summary = churn.step(cluster, 0.01);

        assertThat(summary.operations()).isEqualTo(200);
        assertThat(summary.logins()).isPositive();
        assertThat(summary.logouts()).isPositive();
        assertThat(cluster.size()).isBetween(19_900, 20_100);
    }

    @Test
    void sessionsLookLikeOntapReportsThem() {
        SimulatedCluster cluster = SimulatedCluster.named("realistic");
        new SessionChurn(11).populate(cluster, 2000);

        assertThat(cluster.sessions()).allSatisfy(session -> {
            assertThat(session.svm().name()).matches("svm_(prod|dev)_\\d{2}");
            assertThat(session.targetPortalGroup()).matches("iscsi_lif_[ab]\\d");
            assertThat(session.targetPortalGroupTag()).isBetween(1027, 1030);
            assertThat(session.tsih()).isBetween(1, 0xffff);
            assertThat(session.isid()).matches(ISID);
            assertThat(session.initiatorName()).matches(IQN);
            assertThat(session.igroups()).isNotEmpty().hasSizeLessThanOrEqualTo(2);
            assertThat(session.connections()).hasSizeBetween(1, 4);
            assertThat(session.connections()).extracting(Connection::cid).doesNotHaveDuplicates();
            assertThat(session.connections()).allSatisfy(connection -> {
                assertThat(connection.authenticationType()).isIn("chap", "none");
                assertThat(connection.initiatorAddress().address()).matches(DOCUMENTATION_ADDRESS);
                assertThat(connection.initiatorAddress().port()).isBetween(32768, 65535);
                assertThat(connection.networkInterface().name()).isEqualTo(session.targetPortalGroup());
                assertThat(connection.networkInterface().ip().port()).isEqualTo(3260);
            });
        });
        assertThat(cluster.sessions()).anySatisfy(s ->
                assertThat(s.connections().get(0).initiatorAddress().address()).startsWith("2001:db8:"));
        assertThat(cluster.sessions()).extracting(s -> s.initiatorName() + " " + s.isid()).doesNotHaveDuplicates();
    }

    @Test
    void hostsLogInThroughSeveralPortals() {
        SimulatedCluster cluster = SimulatedCluster.named("multipath");
        new SessionChurn(3).populate(cluster, 500);

        Map<String, Set<String>> portalsByInitiator = cluster.sessions().stream().collect(Collectors.groupingBy(
                IscsiSession::initiatorName, Collectors.mapping(IscsiSession::targetPortalGroup, Collectors.toSet())));

        assertThat(portalsByInitiator.values()).anySatisfy(portals -> assertThat(portals).hasSizeGreaterThan(1));
    }

    @Test
    void tsihsCountUpPerPortalGroup() {
        SimulatedCluster cluster = SimulatedCluster.named("counting");
        new SessionChurn(8).populate(cluster, 600);

        Map<String, List<Integer>> tsihsByPortal = cluster.sessions().stream().collect(Collectors.groupingBy(
                s -> s.svm().uuid() + "/" + s.targetPortalGroup(),
                Collectors.mapping(IscsiSession::tsih, Collectors.toList())));

        assertThat(tsihsByPortal.values()).allSatisfy(tsihs ->
                assertThat(tsihs.get(tsihs.size() - 1) - tsihs.get(0) + 1).isEqualTo(tsihs.size()));
    }

    @Test
    void churnReusesTsihsForAnotherInitiator() {
        SimulatedCluster cluster = SimulatedCluster.named("reuse");
        SessionChurn churn = new SessionChurn(21);
        churn.populate(cluster, 300);
        Map<SessionKey, IscsiSession> before = byKey(cluster.sessions());

        ChurnSummary summary = churn.apply(cluster, 300);

        assertThat(summary.tsihReuses()).isPositive();
        assertThat(summary.connectionsAdded()).isPositive();
        assertThat(summary.connectionsDropped()).isPositive();
        assertThat(cluster.sessions()).anySatisfy(after -> {
            IscsiSession earlier = before.get(after.key());
            assertThat(earlier).isNotNull();
            assertThat(earlier.isSameLoginAs(after)).isFalse();
            assertThat(earlier.initiatorName()).isNotEqualTo(after.initiatorName());
        });
    }

    @Test
    void churnOnAnEmptyClusterLogsIn() {
        SimulatedCluster cluster = SimulatedCluster.named("empty");

        ChurnSummary summary = new SessionChurn(1).step(cluster, 0.5);

        assertThat(summary.logins()).isEqualTo(1);
        assertThat(cluster.size()).isEqualTo(1);
    }

    @Test
    void aNewConnectionTakesTheNextCidFromTheSameHost() {
        SimulatedCluster cluster = SimulatedCluster.named("grow");
        SessionChurn churn = new SessionChurn(4);
        IscsiSession session = churn.login(cluster);

        Connection added = churn.addConnection(cluster, session.key()).orElseThrow();

        Connection first = session.connections().get(0);
        assertThat(added.cid()).isEqualTo(session.connections().size() + 1);
        assertThat(added.initiatorAddress().address()).isEqualTo(first.initiatorAddress().address());
        assertThat(added.networkInterface()).isEqualTo(first.networkInterface());
        assertThat(cluster.session(session.key()).orElseThrow().connections()).contains(added);
    }

    @Test
    void theFactoryBuildsASessionForAGivenPortalAndTsih() {
        SessionFactory factory = new SessionFactory(12);
        TargetPortal portal = factory.portals().get(5);

        IscsiSession session = factory.session(portal, 4242);

        assertThat(session.key()).isEqualTo(portal.key(4242));
        assertThat(session.targetPortalGroupTag()).isEqualTo(portal.tag());
        assertThat(session.connections()).allSatisfy(c -> assertThat(c.networkInterface()).isEqualTo(portal.lif()));
        assertThat(factory.portals()).hasSize(12).extracting(p -> p.key(1)).doesNotHaveDuplicates();
    }

    @Test
    void churnLogsNoiseAndNowAndThenALoginRefusedFromAnUnusedAddress() {
        SimulatedCluster cluster = SimulatedCluster.named("chatty");
        SessionChurn churn = new SessionChurn(6);
        churn.populate(cluster, 100);

        churn.apply(cluster, 400);

        List<EmsEvent> events = cluster.emsEvents();
        assertThat(events).extracting(EmsEvent::messageName).contains("wafl.scan.done", "mgmtgwd.rootvolrec.low.space");
        assertThat(events).extracting(EmsEvent::nodeName).contains("chatty-01", "chatty-02");
        assertThat(events).filteredOn(event -> event.messageName().equals("iscsi.loginIpNotAuthorized"))
                .isNotEmpty().allSatisfy(refused -> {
                    assertThat(refused.parameter("initiator_name")).matches(IQN);
                    assertThat(refused.parameter("vserver")).matches("svm_(prod|dev)_\\d{2}");
                    assertThat(refused.parameter("lif")).matches("iscsi_lif_[ab]\\d");
                    assertThat(refused.parameter("initiator_ip_address")).matches("203\\.0\\.113\\.[5-9]\\d");
                });
    }

    @Test
    void theSameSeedLogsTheSameEventsWhichLeaveTheSessionsAlone() {
        SimulatedCluster quiet = SimulatedCluster.named("history");
        quiet.removeFromCatalogue("iscsi.loginIpNotAuthorized");

        assertThat(eventLog(99)).isEqualTo(eventLog(99)).isNotEqualTo(eventLog(100));
        SessionChurn churn = new SessionChurn(99);
        churn.populate(quiet, 500);
        for (int round = 0; round < 5; round++) {
            churn.step(quiet, 0.01);
        }
        assertThat(quiet.sessions()).isEqualTo(history(99).get(5));
    }

    /** The messages and parameters a seeded churn logs, node by node. */
    private static List<String> eventLog(long seed) {
        SimulatedCluster cluster = SimulatedCluster.named("history");
        SessionChurn churn = new SessionChurn(seed);
        churn.populate(cluster, 200);
        churn.apply(cluster, 300);
        return cluster.emsEvents().stream()
                .map(event -> event.nodeName() + "#" + event.index() + " " + event.parameters()).toList();
    }

    /** Every state a seeded cluster passes through: population, then a few rounds of 1 % churn. */
    private static List<List<IscsiSession>> history(long seed) {
        SimulatedCluster cluster = SimulatedCluster.named("history");
        SessionChurn churn = new SessionChurn(seed);
        churn.populate(cluster, 500);
        List<List<IscsiSession>> states = new ArrayList<>(List.of(cluster.sessions()));
        for (int round = 0; round < 5; round++) {
            churn.step(cluster, 0.01);
            states.add(cluster.sessions());
        }
        assertThat(new HashSet<>(states)).hasSize(states.size());
        return states;
    }

    private static Map<SessionKey, IscsiSession> byKey(List<IscsiSession> sessions) {
        return sessions.stream().collect(Collectors.toMap(IscsiSession::key, Function.identity()));
    }
}
