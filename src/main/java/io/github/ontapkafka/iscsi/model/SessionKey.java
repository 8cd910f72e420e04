package io.github.ontapkafka.iscsi.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * ONTAP's identity of an iSCSI session within one cluster: {@code svm.uuid / target_portal_group / tsih}.
 * Ordered so that every poll emits its changes in the same, replayable order.
 */
public record SessionKey(String svmUuid, String targetPortalGroup, int tsih) implements Comparable<SessionKey> {

    private static final Comparator<SessionKey> ORDER = Comparator.comparing(SessionKey::svmUuid)
            .thenComparing(SessionKey::targetPortalGroup)
            .thenComparingInt(SessionKey::tsih);

    public SessionKey {
        Objects.requireNonNull(svmUuid, "svmUuid");
        Objects.requireNonNull(targetPortalGroup, "targetPortalGroup");
    }

    @Override
    public int compareTo(SessionKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return svmUuid + "/" + targetPortalGroup + "/" + tsih;
    }
}
