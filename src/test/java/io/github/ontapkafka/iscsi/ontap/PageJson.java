package io.github.ontapkafka.iscsi.ontap;

import java.util.List;

/** Hand-written ONTAP collection pages, so that client tests control every byte the server returns. */
final class PageJson {

    private PageJson() {
    }

    static String session(String svmUuid, String tpg, int tsih) {
        return """
                {"svm":{"uuid":"%s","name":"svm1","_links":{"self":{"href":"/api/svm/svms/%s"}}},
                 "target_portal_group":"%s","target_portal_group_tag":1027,"tsih":%d,"isid":"40:00:01:37:00:00",
                 "initiator":{"name":"iqn.1994-05.com.redhat:host%d","alias":"host%d","comment":"rack 4"},
                 "igroups":[{"uuid":"af7838cd-f993-4faf-90b7-5524787ae1e8","name":"linux_hosts"}],
                 "connections":[{"cid":1,"authentication_type":"chap",
                   "initiator_address":{"address":"192.0.2.%d","port":43827},
                   "interface":{"name":"%s","uuid":"c15439b4-dbb4-11e8-90ac-005056bba882",
                                "ip":{"address":"198.51.100.1","port":3260}}}],
                 "a_field_of_a_newer_release":{"nested":[1,2,3]}}
                """.formatted(svmUuid, svmUuid, tpg, tsih, tsih, tsih, tsih % 250, tpg);
    }

    static String page(List<String> records, String nextHref) {
        String links = nextHref == null ? "{}" : "{\"next\":{\"href\":\"" + nextHref + "\"}}";
        return "{\"records\":[" + String.join(",", records) + "],\"num_records\":" + records.size()
                + ",\"_links\":" + links + "}";
    }

    static String error(String message, String code) {
        return "{\"error\":{\"message\":\"" + message + "\",\"code\":\"" + code + "\"}}";
    }
}
