package io.github.ontapkafka.iscsi.ontap;

/** Why a request to ONTAP failed, coarse enough that a cluster failing the same way again is not news. */
public enum FailureKind {
    UNREACHABLE("connection failed"),
    TIMEOUT("timed out"),
    TLS("TLS handshake failed"),
    CERTIFICATE_REJECTED("client certificate refused"),
    TOKEN_ENDPOINT("no OAuth 2.0 token"),
    UNUSABLE_KEY_MATERIAL("key material unusable on this worker"),
    UNAUTHORIZED("credentials rejected (HTTP 401)"),
    FORBIDDEN("account lacks the privilege (HTTP 403)"),
    HTTP_ERROR("HTTP error"),
    BAD_RESPONSE("unusable response");

    private final String summary;

    FailureKind(String summary) {
        this.summary = summary;
    }

    public String summary() {
        return summary;
    }
}
