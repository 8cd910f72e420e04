package io.github.ontapkafka.iscsi.ontap;

/**
 * How requests to one cluster prove who sends them: a header value to send, a fresh one after a rejection where that
 * can help, and what an administrator must do when the cluster refuses.
 */
public interface Authentication {

    /**
     * The {@code Authorization} header value, or null when the TLS client certificate is the credential.
     *
     * @throws TokenEndpointException if the credential has to be fetched and that failed
     */
    String authorization() throws TokenEndpointException, InterruptedException;

    /**
     * Called after the cluster answered 401 to {@code rejected}: whether a fresh credential is worth one more try
     * (a cached token may have been revoked; a password will not change by itself).
     */
    default boolean renewAfterRejection(String rejected) {
        return false;
    }

    /** Whether the TLS client certificate is the credential, so that a refused handshake is about it. */
    default boolean presentsCertificate() {
        return false;
    }

    /** What the cluster needs for these credentials to be accepted, in ONTAP's own commands where there are some. */
    String refusalHint();
}
