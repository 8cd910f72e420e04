package io.github.ontapkafka.iscsi.ontap;

/** Hand-written records of ONTAP's event log, shaped as {@code GET /api/support/ems/events} returns them. */
final class EmsJson {

    static final String NODE = "6c8c4e0a-8d39-11ee-a6a6-005056bb1234";
    static final String OTHER_NODE = "7d9d5f1b-8d39-11ee-b7b7-005056bb5678";

    private EmsJson() {
    }

    /** An {@code iscsi.loginIpNotAuthorized} event of {@link #NODE}, logged at 08:01:02 local time, UTC+1. */
    static String loginRejected(long index) {
        return event(NODE, index);
    }

    static String event(String node, long index) {
        return """
                {"node":{"name":"cluster1-01","uuid":"%s","_links":{"self":{"href":"/api/cluster/nodes/%s"}}},
                 "index":%d,"time":"2026-11-30T08:01:02+01:00",
                 "message":{"severity":"notice","name":"iscsi.loginIpNotAuthorized"},
                 "log_message":"iscsi.loginIpNotAuthorized: iSCSI login authorization failure. \
                Initiator iqn.1994-05.com.redhat:host7 attempted to log in on Vserver svm1, LIF lif1 \
                from IP address 192.0.2.7",
                 "parameters":[{"name":"initiator_name","value":"iqn.1994-05.com.redhat:host7"},
                               {"name":"vserver","value":"svm1"},{"name":"lif","value":"lif1"},
                               {"name":"initiator_ip_address","value":"192.0.2.7"}],
                 "source":"iscsi_ems",
                 "_links":{"self":{"href":"/api/support/ems/events/cluster1-01/%d"}}}
                """.formatted(node, node, index, index);
    }
}
