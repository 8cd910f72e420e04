package io.github.ontapkafka.iscsi.connector;

import io.github.ontapkafka.iscsi.connector.MockClusters.Cluster;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two configured addresses that come back from an outage leading to each other's cluster (a management address moved
 * between clusters) must both be polled again: each gives up its claim on the cluster it no longer leads to.
 */
class ClusterAddressesSwapTest extends TwoClustersTaskTest {

    @Test
    void addressesThatSwappedClustersAreBothPolledAgain() throws Exception {
        Cluster x = a.cluster;
        Cluster y = b.cluster;
        x.tsihs.add(1);
        y.tsihs.add(1);
        task.initialize(MockClusters.context(partition -> null));
        task.start(MockClusters.taskConfig(a, b));
        assertThat(MockClusters.pollUntil(task, 2))
                .containsExactlyInAnyOrder(x.uuid + " SNAPSHOT 1", y.uuid + " SNAPSHOT 1");

        a.cluster = y;
        b.cluster = x;
        a.failuresToCome.set(1);
        b.failuresToCome.set(1);
        x.tsihs.add(2);
        y.tsihs.add(2);

        assertThat(MockClusters.pollUntil(task, 2)).containsExactlyInAnyOrder(x.uuid + " LOGIN 2", y.uuid + " LOGIN 2");
    }
}
