package io.github.ontapkafka.iscsi.model;

/**
 * A node of an ONTAP cluster as {@code GET /api/cluster/nodes} names it. The UUID is its identity: each node keeps
 * its own event log, numbered by its own index. The name may change, and may be null if ONTAP did not give it.
 */
public record ClusterNode(String uuid, String name) {
}
