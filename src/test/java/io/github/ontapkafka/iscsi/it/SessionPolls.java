package io.github.ontapkafka.iscsi.it;

import io.github.ontapkafka.iscsi.simulator.SimulatedCluster;
import org.awaitility.Awaitility;

import java.time.Duration;

/** The connector's polls of a simulated cluster, as the simulator counts the requests for its sessions collection. */
final class SessionPolls {

    /** The sessions collection, as {@code RequestStats} names it. */
    static final String PATH = "/api/protocols/san/iscsi/sessions";

    private SessionPolls() {
    }

    /**
     * Waits until {@code cluster} has received {@code polls} more requests for its sessions collection: one per poll
     * while every session fits on one page.
     */
    static void await(SimulatedCluster cluster, int polls, Duration atMost) {
        long target = cluster.stats().requests(PATH) + polls;
        Awaitility.await().atMost(atMost).until(() -> cluster.stats().requests(PATH) >= target);
    }
}
