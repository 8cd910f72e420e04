package io.github.ontapkafka.iscsi.model;

/** An ONTAP cluster as {@code GET /api/cluster} names it. The UUID is its stable identity; the name may change. */
public record ClusterIdentity(String uuid, String name) {
}
