package io.github.ontapkafka.iscsi.ontap;

/** A response body that is not what ONTAP's API promises; the message says where and what. */
public class MalformedResponseException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedResponseException(String message) {
        super(message);
    }

    public MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
