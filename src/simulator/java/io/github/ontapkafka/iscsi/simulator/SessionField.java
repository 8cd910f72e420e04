package io.github.ontapkafka.iscsi.simulator;

import java.util.EnumSet;
import java.util.Set;

/** The top-level fields of an iSCSI session record, in the order ONTAP writes them. */
enum SessionField implements RecordField {
    SVM("svm"),
    TARGET_PORTAL_GROUP("target_portal_group"),
    TARGET_PORTAL_GROUP_TAG("target_portal_group_tag"),
    TSIH("tsih"),
    ISID("isid"),
    INITIATOR("initiator"),
    IGROUPS("igroups"),
    CONNECTIONS("connections");

    static final Set<SessionField> KEYS = EnumSet.of(SVM, TARGET_PORTAL_GROUP, TSIH);
    static final Set<SessionField> ALL = EnumSet.allOf(SessionField.class);

    private final String jsonName;

    SessionField(String jsonName) {
        this.jsonName = jsonName;
    }

    @Override
    public String jsonName() {
        return jsonName;
    }
}
