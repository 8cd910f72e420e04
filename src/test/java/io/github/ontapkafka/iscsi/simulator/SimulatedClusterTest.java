package io.github.ontapkafka.iscsi.simulator;

import io.github.ontapkafka.iscsi.model.Connection;
import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.SessionKey;
import io.github.ontapkafka.iscsi.model.Svm;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedClusterTest {

    private final SimulatedCluster cluster = SimulatedCluster.named("cluster1");

    @Test
    void aKeyCanOnlyBeLoggedInOnce() {
        cluster.login(session("svm-a", "lif1", 7, 1));

        assertThatThrownBy(() -> cluster.login(session("svm-a", "lif1", 7, 2)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sessionsComeOrderedByKey() {
        cluster.login(session("svm-b", "lif1", 1, 1));
        cluster.login(session("svm-a", "lif2", 3, 1));
        cluster.login(session("svm-a", "lif2", 20, 1));
        cluster.login(session("svm-a", "lif1", 9, 1));

        assertThat(cluster.sessions()).extracting(session -> session.key().toString())
                .containsExactly("svm-a/lif1/9", "svm-a/lif2/3", "svm-a/lif2/20", "svm-b/lif1/1");
    }

    @Test
    void logoutEndsOnlyAnExistingSession() {
        IscsiSession session = session("svm-a", "lif1", 7, 1);
        cluster.login(session);

        assertThat(cluster.logout(session.key())).isTrue();
        assertThat(cluster.logout(session.key())).isFalse();
        assertThat(cluster.size()).isZero();
    }

    @Test
    void connectionsComeAndGoAndTheLastOneEndsTheSession() {
        IscsiSession session = session("svm-a", "lif1", 7, 1);
        cluster.login(session);

        assertThat(cluster.addConnection(session.key(), new Connection(2, "none", null, null))).isTrue();
        assertThat(cluster.session(session.key()).orElseThrow().connections()).extracting(Connection::cid)
                .containsExactly(1, 2);
        assertThat(cluster.dropConnection(session.key(), 1)).isTrue();
        assertThat(cluster.session(session.key()).orElseThrow().connections()).extracting(Connection::cid)
                .containsExactly(2);
        assertThat(cluster.dropConnection(session.key(), 5)).isFalse();
        assertThat(cluster.dropConnection(session.key(), 2)).isTrue();
        assertThat(cluster.session(session.key())).isEmpty();
    }

    @Test
    void aCidIsUniqueWithinASession() {
        IscsiSession session = session("svm-a", "lif1", 7, 1);
        cluster.login(session);

        assertThatThrownBy(() -> cluster.addConnection(session.key(), new Connection(1, "chap", null, null)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(cluster.addConnection(new SessionKey("svm-z", "lif1", 1), new Connection(1, "chap", null, null)))
                .isFalse();
    }

    @Test
    void replaceStoresTheSessionAsGiven() {
        cluster.login(session("svm-a", "lif1", 7, 1));
        IscsiSession changed = session("svm-a", "lif1", 7, 3);

        cluster.replace(changed);
        cluster.replace(session("svm-a", "lif1", 8, 1));

        assertThat(cluster.session(changed.key())).contains(changed);
        assertThat(cluster.size()).isEqualTo(2);
        cluster.clear();
        assertThat(cluster.sessions()).isEmpty();
    }

    @Test
    void concurrentLoginsAreAllKept() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                String svm = "svm-" + thread;
                done.add(threads.submit(() -> {
                    for (int tsih = 1; tsih <= 500; tsih++) {
                        cluster.login(session(svm, "lif1", tsih, 1));
                        cluster.sessions();
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            threads.shutdown();
        }

        assertThat(cluster.size()).isEqualTo(2000);
    }

    @Test
    void theVersionIsReadFromTheFullString() {
        SimulatedCluster older = new SimulatedCluster("old", "u-1", "NetApp Release 9.8P4: Mon Mar 01 2021");

        assertThat(older.version()).isEqualTo(new OntapVersion("NetApp Release 9.8P4: Mon Mar 01 2021", 9, 8, 0));
        assertThat(OntapVersion.parse("NetApp Release 9.12.1P2").minor()).isEqualTo(1);
        assertThatThrownBy(() -> OntapVersion.parse("nine")).isInstanceOf(IllegalArgumentException.class);
    }

    private static IscsiSession session(String svm, String portalGroup, int tsih, int connections) {
        List<Connection> list = new ArrayList<>();
        for (int cid = 1; cid <= connections; cid++) {
            list.add(new Connection(cid, "chap", null, null));
        }
        return new IscsiSession(new Svm(svm, svm), portalGroup, 1027, tsih, "40:00:01:37:00:01", null, null, list);
    }
}
