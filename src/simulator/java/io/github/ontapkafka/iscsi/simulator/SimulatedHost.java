package io.github.ontapkafka.iscsi.simulator;

import io.github.ontapkafka.iscsi.model.Initiator;

import java.util.Random;

/** A host whose initiator logs in to the simulated cluster, possibly many times through several portals. */
final class SimulatedHost {

    private final HostOs os;
    private final Initiator initiator;
    private final String address;
    private final String authenticationType;
    private final boolean backedUp;
    private int sessionsStarted;

    SimulatedHost(HostOs os, Initiator initiator, String address, String authenticationType, boolean backedUp) {
        this.os = os;
        this.initiator = initiator;
        this.address = address;
        this.authenticationType = authenticationType;
        this.backedUp = backedUp;
    }

    HostOs os() {
        return os;
    }

    Initiator initiator() {
        return initiator;
    }

    String address() {
        return address;
    }

    String authenticationType() {
        return authenticationType;
    }

    /** Whether the host also sits in the SVM's backup igroup, giving its sessions two igroups. */
    boolean isBackedUp() {
        return backedUp;
    }

    /** A fresh ISID: an initiator never reuses one while the session it named may still exist. */
    String nextIsid() {
        return os.isid(sessionsStarted++);
    }

    int sourcePort(Random random) {
        return os.sourcePort(random);
    }
}
