package io.github.ontapkafka.iscsi.ontap;

/** A truststore, keystore or key file that cannot be used; the message names the file and what is wrong with it. */
public final class UnusableKeyMaterialException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Which of a cluster's files it is, so that the error is reported on the setting that names it. */
    public enum Store {
        /** The cluster's certificate is checked against it. */
        TRUSTSTORE,
        /** The connector's client certificate and key. */
        KEYSTORE,
        /** The token endpoint's certificate is checked against it. */
        TOKEN_ENDPOINT_TRUSTSTORE
    }

    private final Store store;

    UnusableKeyMaterialException(Store store, String message, Throwable cause) {
        super(message, cause);
        this.store = store;
    }

    public Store store() {
        return store;
    }
}
