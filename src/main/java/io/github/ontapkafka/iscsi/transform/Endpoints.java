package io.github.ontapkafka.iscsi.transform;

import org.apache.kafka.connect.data.Struct;

/** OCSF network endpoints; an endpoint of which nothing is known is left out rather than written empty. */
final class Endpoints {

    private Endpoints() {
    }

    /** The initiator's side: where the login came from. */
    static Struct source(String ip, Integer port) {
        return orNull(new Struct(OcsfSchemas.NETWORK_ENDPOINT).put("ip", ip).put("port", port));
    }

    /**
     * The target's side: the SVM as the endpoint ({@code name}, {@code uid}), reached on one of its LIFs (the
     * interface and its address).
     */
    static Struct target(String svmName, String svmUuid, String ip, Integer port, String lifName, String lifUuid) {
        return orNull(new Struct(OcsfSchemas.NETWORK_ENDPOINT)
                .put("name", svmName).put("uid", svmUuid)
                .put("ip", ip).put("port", port)
                .put("interface_name", lifName).put("interface_uid", lifUuid));
    }

    private static Struct orNull(Struct endpoint) {
        return endpoint.schema().fields().stream().allMatch(field -> endpoint.get(field) == null) ? null : endpoint;
    }
}
