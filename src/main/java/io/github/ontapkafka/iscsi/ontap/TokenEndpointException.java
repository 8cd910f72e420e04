package io.github.ontapkafka.iscsi.ontap;

/**
 * The identity provider's token endpoint did not issue a token. Not the cluster's refusal: the message names the
 * endpoint and what it said, never the client secret or a token.
 */
public final class TokenEndpointException extends Exception {

    private static final long serialVersionUID = 1L;

    TokenEndpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
