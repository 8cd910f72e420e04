package io.github.ontapkafka.iscsi.simulator;

import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.SessionKey;

import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The event log's share of a {@link SessionChurn} workload: after an operation, now and then another subsystem's
 * message on a random node, and more rarely a login refused because a host tried it from an address its initiator
 * may not use, so that someone running the simulator sees the connector report one. Seeded apart from the sessions,
 * so that a seed gives the same sessions with or without it.
 */
final class EmsChatter {

    private static final double NOISE_SHARE = 0.2;
    private static final double REFUSED_SHARE = 0.05;
    /** Mixed into the seed so that the chatter does not replay the sessions' random sequence. */
    private static final long EMS_STREAM = 0x454D53L;
    /**
     * Refused logins come from {@link HostGenerator#LIF_NETWORK} addresses between the LIFs' (the first dozen) and
     * the hosts' (from 100), which nothing else uses.
     */
    private static final int FIRST_UNAUTHORIZED_HOST = 50;
    private static final int UNAUTHORIZED_HOSTS = 50;

    private final Random random;

    EmsChatter(long seed) {
        this.random = new Random(seed ^ EMS_STREAM);
    }

    /** @param live keys of sessions the cluster may hold, whose initiators try their luck from elsewhere */
    void afterOperation(SimulatedCluster cluster, List<SessionKey> live) {
        List<SimulatedNode> nodes = cluster.nodes();
        if (random.nextDouble() < NOISE_SHARE) {
            cluster.logNoise(nodes.get(random.nextInt(nodes.size())), 1);
        }
        if (random.nextDouble() < REFUSED_SHARE && !live.isEmpty()
                && cluster.hasEmsMessage(EmsCatalogue.LOGIN_REFUSED)) {
            SimulatedNode node = nodes.get(random.nextInt(nodes.size()));
            Optional<IscsiSession> session = cluster.session(live.get(random.nextInt(live.size())));
            String address = HostGenerator.LIF_NETWORK + (FIRST_UNAUTHORIZED_HOST + random.nextInt(UNAUTHORIZED_HOSTS));
            session.ifPresent(host -> cluster.logLoginRefused(node, host.initiatorName(), host.svm().name(),
                    host.targetPortalGroup(), address));
        }
    }
}
