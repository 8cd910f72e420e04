package io.github.ontapkafka.iscsi.simulator;

import io.github.ontapkafka.iscsi.model.IscsiSession;
import io.github.ontapkafka.iscsi.model.NetworkInterface;
import io.github.ontapkafka.iscsi.model.SessionKey;
import io.github.ontapkafka.iscsi.model.Svm;

/**
 * Where initiators log in: an SVM's target portal group, which ONTAP names after its LIF, with its tag and LIF.
 *
 * @param lif the LIF connections arrive on; null when unknown
 */
public record TargetPortal(Svm svm, String name, int tag, NetworkInterface lif) {

    /** The portal a session was logged in through, as far as the session tells. */
    public static TargetPortal of(IscsiSession session) {
        NetworkInterface lif = session.connections().isEmpty() ? null
                : session.connections().get(0).networkInterface();
        int tag = session.targetPortalGroupTag() == null ? 0 : session.targetPortalGroupTag();
        return new TargetPortal(session.svm(), session.targetPortalGroup(), tag, lif);
    }

    public SessionKey key(int tsih) {
        return new SessionKey(svm.uuid(), name, tsih);
    }
}
