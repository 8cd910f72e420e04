package io.github.ontapkafka.iscsi.connector;

import io.github.ontapkafka.iscsi.connector.MockClusters.Address;
import io.github.ontapkafka.iscsi.connector.MockClusters.Cluster;
import org.junit.jupiter.api.AfterEach;

import java.io.IOException;

/** Tests that drive a task by hand against two mock clusters, each behind an address of its own. */
abstract class TwoClustersTaskTest {

    protected final Address a = new Address(new Cluster("aaaa0000-0000-0000-0000-000000000001"));
    protected final Address b = new Address(new Cluster("bbbb0000-0000-0000-0000-000000000002"));
    protected final OntapIscsiSourceTask task = new OntapIscsiSourceTask();

    @AfterEach
    void stop() throws IOException {
        task.stop();
        a.shutDown();
        b.shutDown();
    }
}
