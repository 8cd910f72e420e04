package io.github.ontapkafka.iscsi.simulator;

/**
 * A cluster as a server hosts it: under {@code /clusters/{id}}, or at the root, with the workload the admin API
 * uses to invent its sessions.
 */
record MountedCluster(String id, SimulatedCluster cluster, ClusterApi api, SessionChurn workload, boolean atRoot) {

    /** The path clients put before {@code /api/...}: empty at the root. */
    String basePath() {
        return atRoot ? "" : OntapSimulatorServer.CLUSTERS_PREFIX + id;
    }
}
