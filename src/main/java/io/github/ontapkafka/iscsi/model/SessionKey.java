package io.github.ontapkafka.iscsi.model;

import java.util.Objects;

/**
 * ONTAP's identity of an iSCSI session within one cluster: {@code svm.uuid / target_portal_group / tsih}.
 * Ordered so that every poll emits its changes in the same, replayable order.
 */
public record SessionKey(String svmUuid, String targetPortalGroup, int tsih) implements Comparable<SessionKey> {

    public SessionKey {
        Objects.requireNonNull(svmUuid, "svmUuid");
        Objects.requireNonNull(targetPortalGroup, "targetPortalGroup");
    }

    /** By SVM UUID, portal group, then TSIH. Keys of one cluster mostly share their strings: compared first by identity. */
    @Override
    public int compareTo(SessionKey other) {
        int order = compare(svmUuid, other.svmUuid);
        if (order == 0) {
            order = compare(targetPortalGroup, other.targetPortalGroup);
        }
        return order != 0 ? order : Integer.compare(tsih, other.tsih);
    }

    private static int compare(String a, String b) {
        return a == b ? 0 : a.compareTo(b);
    }

    @Override
    public String toString() {
        return svmUuid + "/" + targetPortalGroup + "/" + tsih;
    }
}
