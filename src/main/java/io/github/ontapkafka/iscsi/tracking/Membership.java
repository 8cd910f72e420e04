package io.github.ontapkafka.iscsi.tracking;

/**
 * What a poll reports of the sessions that enter or leave the tracked set; a session tracked and still listed is
 * always compared. Entering and leaving are logins and logouts only while the baseline goes on. A first poll, or one
 * under a new scope, starts a new baseline: there sessions enter because the listing now shows them, and leave
 * because it no longer covers them, which is no logout.
 */
public enum Membership {
    /** The baseline goes on: a session that appears logged in, one that is gone logged out. */
    LOGINS_AND_LOGOUTS(ChangeType.LOGIN, true, true),
    /**
     * The baseline goes on, its snapshot cut short by a restart: a session that appears is a {@code SNAPSHOT}, one
     * gone logged out.
     */
    SNAPSHOTS_AND_LOGOUTS(ChangeType.SNAPSHOT, true, true),
    /** A new baseline, reported: a session that appears is a {@code SNAPSHOT}; one gone leaves unreported. */
    SNAPSHOTS(ChangeType.SNAPSHOT, true, false),
    /** A new baseline, recorded silently: sessions appear and leave unreported. */
    UNREPORTED(ChangeType.SNAPSHOT, false, false);

    private final ChangeType arrival;
    private final boolean arrivalsReported;
    private final boolean departuresReported;

    Membership(ChangeType arrival, boolean arrivalsReported, boolean departuresReported) {
        this.arrival = arrival;
        this.arrivalsReported = arrivalsReported;
        this.departuresReported = departuresReported;
    }

    /**
     * @param newBaseline     whether the poll is the first one of a cluster, or the first under a new scope
     * @param snapshotPending whether a snapshot of the baseline was emitted only in part
     */
    static Membership of(boolean newBaseline, boolean snapshotPending, SnapshotMode mode) {
        if (newBaseline) {
            return mode == SnapshotMode.INITIAL ? SNAPSHOTS : UNREPORTED;
        }
        return snapshotPending ? SNAPSHOTS_AND_LOGOUTS : LOGINS_AND_LOGOUTS;
    }

    /** The type of the change of a session that appears, reported or not. */
    ChangeType arrival() {
        return arrival;
    }

    boolean arrivalsReported() {
        return arrivalsReported;
    }

    boolean departuresReported() {
        return departuresReported;
    }
}
