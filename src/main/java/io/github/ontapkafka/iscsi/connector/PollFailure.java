package io.github.ontapkafka.iscsi.connector;

import io.github.ontapkafka.iscsi.ontap.ClusterUrl;
import io.github.ontapkafka.iscsi.ontap.OntapException;

/**
 * Why a poll of one cluster emitted nothing, named by its real cause: ONTAP's answer, the stored offset, the
 * configuration, or a defect of the connector. The message names the cluster and never carries a secret.
 */
final class PollFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /** The cause of a failed poll, coarse enough that a cluster failing the same way again is not news. */
    enum Kind {
        CREDENTIALS_REJECTED,
        NOT_AUTHORISED,
        TLS_TRUST,
        CERTIFICATE_REJECTED,
        TOKEN_ENDPOINT_FAILED,
        UNUSABLE_KEY_MATERIAL,
        UNREACHABLE,
        TIMEOUT,
        HTTP_ERROR,
        UNUSABLE_RESPONSE,
        UNUSABLE_STORED_STATE,
        DUPLICATE_CLUSTER,
        INTERNAL_ERROR
    }

    private final Kind kind;
    private final String mode;

    private PollFailure(Kind kind, String mode, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.mode = mode;
    }

    static PollFailure of(OntapException e) {
        Kind kind = switch (e.kind()) {
            case UNAUTHORIZED -> Kind.CREDENTIALS_REJECTED;
            case FORBIDDEN -> Kind.NOT_AUTHORISED;
            case TLS -> Kind.TLS_TRUST;
            case CERTIFICATE_REJECTED -> Kind.CERTIFICATE_REJECTED;
            case TOKEN_ENDPOINT -> Kind.TOKEN_ENDPOINT_FAILED;
            case UNUSABLE_KEY_MATERIAL -> Kind.UNUSABLE_KEY_MATERIAL;
            case UNREACHABLE -> Kind.UNREACHABLE;
            case TIMEOUT -> Kind.TIMEOUT;
            case HTTP_ERROR -> Kind.HTTP_ERROR;
            case BAD_RESPONSE -> Kind.UNUSABLE_RESPONSE;
        };
        return new PollFailure(kind, e.failureMode(), e.getMessage(), e);
    }

    static PollFailure storedState(ClusterUrl cluster, String clusterUuid, Exception cause) {
        return new PollFailure(Kind.UNUSABLE_STORED_STATE, Kind.UNUSABLE_STORED_STATE.name(), "ONTAP cluster "
                + cluster + ": the stored offset of cluster " + clusterUuid + " cannot be used (" + cause.getMessage()
                + "); reset this cluster's offset to start it afresh", cause);
    }

    static PollFailure duplicate(ClusterUrl cluster, String clusterUuid, ClusterUrl owner, String clustersKey) {
        return new PollFailure(Kind.DUPLICATE_CLUSTER, Kind.DUPLICATE_CLUSTER.name(), "ONTAP cluster " + cluster
                + ": it is the same cluster (" + clusterUuid + ") as " + owner + "; list each cluster once in "
                + clustersKey, null);
    }

    /** A defect of the connector: it costs this poll of this cluster, never the task. */
    static PollFailure internal(ClusterUrl cluster, RuntimeException bug) {
        return new PollFailure(Kind.INTERNAL_ERROR, Kind.INTERNAL_ERROR.name(), "ONTAP cluster " + cluster
                + ": internal error of the connector (a bug; please report it with this log): " + bug, bug);
    }

    /** The task is stopping: not the cluster's fault, and not worth a warning. */
    static PollFailure interrupted(ClusterUrl cluster, InterruptedException e) {
        return new PollFailure(Kind.UNREACHABLE, "INTERRUPTED", "ONTAP cluster " + cluster
                + ": poll interrupted (task stopping)", e);
    }

    Kind kind() {
        return kind;
    }

    /** Identifies the failure mode, so that a cluster failing the same way poll after poll is logged once. */
    String mode() {
        return mode;
    }
}
