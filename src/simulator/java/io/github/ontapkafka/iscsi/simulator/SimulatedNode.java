package io.github.ontapkafka.iscsi.simulator;

/**
 * A node of a {@link SimulatedCluster}, as {@code GET /api/cluster/nodes} lists it. Each node keeps its own event
 * log, whose {@code index} counts that node's events only.
 */
public record SimulatedNode(String name, String uuid) {
}
