package io.github.ontapkafka.iscsi.simulator;

import io.github.ontapkafka.iscsi.model.EmsParameter;

import java.util.List;

/**
 * What a node's other subsystems log all the time, so that the iSCSI events a client asks for have gaps between
 * their indexes. The names are real; their severities, syslog texts and parameters are stand-ins. The messages take
 * turns by the index the event takes, and the parameters vary with it, so that duplicate suppression drops only
 * some.
 */
final class EmsNoise {

    private static final EmsMessage SCAN_DONE =
            new EmsMessage("wafl.scan.done", "informational", "Completed %s scan on volume %s.");
    private static final EmsMessage ROOT_VOLUME_LOW =
            new EmsMessage("mgmtgwd.rootvolrec.low.space", "error",
                    "The root volume on node \"%s\" has less than %s MB of free space.");
    static final List<EmsMessage> MESSAGES = List.of(SCAN_DONE, ROOT_VOLUME_LOW);
    /** How many distinct parameter values each message cycles through. */
    private static final int VARIANTS = 20;

    private EmsNoise() {
    }

    /** The message of the noise event that takes {@code index}. */
    static EmsMessage message(long index) {
        return MESSAGES.get((int) (index % MESSAGES.size()));
    }

    static List<EmsParameter> parameters(EmsMessage message, SimulatedNode node, long index) {
        int variant = (int) (index / MESSAGES.size() % VARIANTS);
        return message == SCAN_DONE
                ? EmsMessage.parameters("scan_type", "container block reclamation", "volume", "vol_data_" + variant)
                : EmsMessage.parameters("node", node.name(), "threshold_in_mb", Integer.toString(512 + variant));
    }
}
