package io.github.ontapkafka.iscsi.it;

import io.github.ontapkafka.iscsi.config.OntapSourceConfig;
import io.github.ontapkafka.iscsi.model.SessionKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.github.ontapkafka.iscsi.fixtures.Sessions.connection;
import static io.github.ontapkafka.iscsi.fixtures.Sessions.session;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scope filter on a real Connect worker: ONTAP does the filtering, and changing the filter in either direction
 * fabricates no LOGOUT or LOGIN; sessions that enter the scope are a snapshot, as on a first poll.
 */
class ScopeIT extends OneClusterPerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PROD = "iqn.1998-01.com.vmware:prod-esx";
    private static final String TEST = "iqn.1998-01.com.vmware:test-esx";

    private Map<String, String> config(String filter) {
        Map<String, String> config = ConnectHarness.connectorConfig(name, List.of(simulator.baseUrl(cluster)));
        config.put(OntapSourceConfig.SESSIONS_FILTER, filter);
        config.put(OntapSourceConfig.HEALTH_TOPIC, name + "-health");
        config.put(OntapSourceConfig.HEARTBEAT_INTERVAL_MS, "0");
        return config;
    }

    @Test
    void wideningAndNarrowingTheFilterFabricatesNoEvent() throws Exception {
        cluster.login(session(1, PROD + "1", connection(1)));
        cluster.login(session(2, TEST + "1", connection(1)));
        harness.deploy(name, config("initiator.name=*prod*"), 1);
        EventLog events = events();
        HealthLog health = health();
        assertThat(events.awaitAtLeast(1, WAIT)).extracting(EventLog.Event::label).containsExactly("SNAPSHOT 1");
        cluster.login(session(3, PROD + "2", connection(1)));
        cluster.login(session(4, TEST + "2", connection(1)));
        events.awaitAtLeast(2, WAIT);

        harness.connect.configureConnector(name, config(""));
        events.awaitAtLeast(4, WAIT);
        cluster.logout(new SessionKey(session(2, TEST, connection(1)).svm().uuid(), "iscsi_lif1", 2));
        events.awaitAtLeast(5, WAIT);

        harness.connect.configureConnector(name, config("initiator.name=*test*"));
        // Each restarted task's first poll writes a health record: the narrowed scope has been polled.
        health.awaitAtLeast(3, HealthLog.Health::isChange, WAIT);
        cluster.logout(new SessionKey(session(4, TEST, connection(1)).svm().uuid(), "iscsi_lif1", 4));
        events.awaitAtLeast(6, WAIT);

        assertThat(events.settle(Duration.ofSeconds(2))).extracting(EventLog.Event::label).containsExactly(
                "SNAPSHOT 1",
                "LOGIN 3",
                // widened: the test sessions enter the scope as a snapshot, not as logins
                "SNAPSHOT 2", "SNAPSHOT 4",
                "LOGOUT 2",
                // narrowed: the prod sessions leave without a LOGOUT; a real logout in scope is reported
                "LOGOUT 4");
    }
}
