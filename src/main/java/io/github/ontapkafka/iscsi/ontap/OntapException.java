package io.github.ontapkafka.iscsi.ontap;


/**
 * A failed exchange with one cluster. The message always names the cluster and the cause in words a storage
 * administrator can act on, and never carries credentials.
 */
public class OntapException extends Exception {

    private static final long serialVersionUID = 1L;

    private final FailureKind kind;
    private final int status;

    public OntapException(ClusterUrl cluster, FailureKind kind, int status, String detail, Throwable cause) {
        super("ONTAP cluster " + cluster + ": " + kind.summary() + (detail == null || detail.isEmpty() ? "" : ": " + detail),
                cause);
        this.kind = kind;
        this.status = status;
    }

    public OntapException(ClusterUrl cluster, FailureKind kind, String detail, Throwable cause) {
        this(cluster, kind, 0, detail, cause);
    }

    private OntapException(String message, FailureKind kind, int status, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
    }

    /**
     * This failure with what to do about it added, for a caller that knows what its request meant: the same kind
     * and status, so that it is classified and deduplicated as before.
     */
    OntapException withAdvice(String advice) {
        return new OntapException(getMessage() + "; " + advice, kind, status, this);
    }

    public FailureKind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when no response came back. */
    public int status() {
        return status;
    }

    /** Identifies the failure mode, so that a cluster failing the same way poll after poll is logged once. */
    public String failureMode() {
        return status == 0 ? kind.name() : kind.name() + "/" + status;
    }
}
