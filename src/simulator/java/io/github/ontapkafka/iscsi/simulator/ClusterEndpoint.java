package io.github.ontapkafka.iscsi.simulator;

/** {@code GET /api/cluster}: the cluster's name, UUID and version; {@code fields} is ignored and everything returned. */
final class ClusterEndpoint {

    private final SimulatedCluster cluster;

    ClusterEndpoint(SimulatedCluster cluster) {
        this.cluster = cluster;
    }

    Reply get(ApiRequest request) {
        OntapVersion version = cluster.version();
        return Reply.of(200, request.replyContentType(), Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("name", cluster.name());
            json.writeStringField("uuid", cluster.uuid());
            json.writeObjectFieldStart("version");
            json.writeStringField("full", version.full());
            json.writeNumberField("generation", version.generation());
            json.writeNumberField("major", version.major());
            json.writeNumberField("minor", version.minor());
            json.writeEndObject();
            if (request.hal()) {
                Json.writeSelfLink(json, OntapPaths.CLUSTER);
            }
            json.writeEndObject();
        }));
    }
}
