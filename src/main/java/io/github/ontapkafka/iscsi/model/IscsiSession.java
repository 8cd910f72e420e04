package io.github.ontapkafka.iscsi.model;

import java.util.List;
import java.util.Objects;

/**
 * An iSCSI session as ONTAP reports it in {@code /api/protocols/san/iscsi/sessions}, limited to the fields the
 * connector emits. Key fields are mandatory; ONTAP may omit any other, which is then null.
 */
public record IscsiSession(Svm svm, String targetPortalGroup, Integer targetPortalGroupTag, int tsih, String isid,
                           Initiator initiator, List<Igroup> igroups, List<Connection> connections) {

    public IscsiSession {
        Objects.requireNonNull(svm, "svm");
        Objects.requireNonNull(svm.uuid(), "svm.uuid");
        Objects.requireNonNull(targetPortalGroup, "targetPortalGroup");
        igroups = igroups == null ? null : List.copyOf(igroups);
        connections = connections == null ? null : List.copyOf(connections);
    }

    /** A session of which only the key (and perhaps the SVM name) is known: what remains of it after a restart. */
    public static IscsiSession keyOnly(SessionKey key, String svmName) {
        return new IscsiSession(new Svm(key.svmUuid(), svmName), key.targetPortalGroup(), null, key.tsih(), null, null,
                null, null);
    }

    public SessionKey key() {
        return new SessionKey(svm.uuid(), targetPortalGroup, tsih);
    }

    public List<Connection> connectionsOrEmpty() {
        return connections == null ? List.of() : connections;
    }

    /** The initiator's IQN, or null when ONTAP did not report it. */
    public String initiatorName() {
        return initiator == null ? null : initiator.name();
    }

    /**
     * Whether {@code other} is the same login as this one: a key that reappears with another ISID or initiator is a
     * new session (the TSIH was reused), not a change of this one.
     */
    public boolean isSameLoginAs(IscsiSession other) {
        return Objects.equals(isid, other.isid) && Objects.equals(initiatorName(), other.initiatorName());
    }
}
