package io.github.ontapkafka.iscsi.simulator;

import io.github.ontapkafka.iscsi.model.SessionKey;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The paths ONTAP uses for the resources the simulator serves or links to, relative to the cluster. */
final class OntapPaths {

    static final String CLUSTER = "/api/cluster";
    static final String SESSIONS = "/api/protocols/san/iscsi/sessions";
    static final String NODES = "/api/cluster/nodes";
    static final String EMS_EVENTS = "/api/support/ems/events";

    private OntapPaths() {
    }

    static String session(SessionKey key) {
        return SESSIONS + "/" + segment(key.svmUuid()) + "/" + segment(key.targetPortalGroup()) + "/" + key.tsih();
    }

    static String node(String uuid) {
        return NODES + "/" + segment(uuid);
    }

    /** An EMS record's own path: ONTAP names it by node name and index. */
    static String emsEvent(String nodeName, long index) {
        return EMS_EVENTS + "/" + segment(nodeName) + "/" + index;
    }

    static String svm(String uuid) {
        return "/api/svm/svms/" + segment(uuid);
    }

    static String igroup(String uuid) {
        return "/api/protocols/san/igroups/" + segment(uuid);
    }

    static String networkInterface(String uuid) {
        return "/api/network/ip/interfaces/" + segment(uuid);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
