package io.github.ontapkafka.iscsi.ontap;

/** A bearer token of the customer's identity provider (ONTAP 9.14 and later), renewed before it expires. */
final class OAuth2Authentication implements Authentication {

    private static final String BEARER = "Bearer ";

    private final TokenSource tokens;
    private final String clientId;

    OAuth2Authentication(TokenSource tokens, String clientId) {
        this.tokens = tokens;
        this.clientId = clientId;
    }

    @Override
    public String authorization() throws TokenEndpointException, InterruptedException {
        return BEARER + tokens.token();
    }

    /** A token may be revoked or expire early at the provider: one fresh token is worth a try. */
    @Override
    public boolean renewAfterRejection(String rejected) {
        tokens.invalidate(rejected.substring(BEARER.length()));
        return true;
    }

    @Override
    public String refusalHint() {
        return "ONTAP rejected a fresh token of OAuth 2.0 client '" + clientId + "'. It needs ONTAP 9.14 or later "
                + "with the identity provider registered ('security oauth2 client create': issuer, JWKS or "
                + "introspection endpoint; 'security oauth2 modify -enabled true'), and the token granting a REST "
                + "role that may read the sessions (for example the scope ontap-role-<role>)";
    }

    @Override
    public String toString() {
        return "OAuth 2.0 authentication as client '" + clientId + "'";
    }
}
