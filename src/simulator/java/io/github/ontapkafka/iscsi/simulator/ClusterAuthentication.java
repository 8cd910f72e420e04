package io.github.ontapkafka.iscsi.simulator;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

/**
 * Who may read a cluster, as ONTAP's logins for the {@code http} application allow: the server's Basic user
 * ({@code -authentication-method password}) and, with mutual TLS, the certificate users
 * ({@code -authentication-method cert}) whose verified client certificate names them as subject CN. Each method
 * suffices on its own, so a client holding a certificate user's certificate needs no {@code Authorization} header.
 * With OAuth 2.0 ({@code security oauth2 client create}), {@code Authorization: Bearer} with a token one of the
 * trusted {@link TokenEndpoint}s issued, unexpired and unrevoked, suffices too.
 */
final class ClusterAuthentication {

    private static final String BEARER = "Bearer ";

    private final BasicCredentials credentials;
    private final Set<String> certificateUsers;
    private final List<TokenEndpoint> tokenIssuers;

    ClusterAuthentication(BasicCredentials credentials, Set<String> certificateUsers,
                          List<TokenEndpoint> tokenIssuers) {
        this.credentials = credentials;
        this.certificateUsers = Set.copyOf(certificateUsers);
        this.tokenIssuers = List.copyOf(tokenIssuers);
    }

    boolean accepts(ApiRequest request) {
        return credentials.accept(request.authorization()) || isCertificateUser(request.clientCertificate())
                || isIssuedToken(request.authorization());
    }

    private boolean isIssuedToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        String token = authorization.substring(BEARER.length()).trim();
        return tokenIssuers.stream().anyMatch(issuer -> issuer.accepts(token));
    }

    private boolean isCertificateUser(X509Certificate certificate) {
        return certificate != null && certificateUsers.contains(commonName(certificate));
    }

    /** The subject's CN, or null when it has none. */
    private static String commonName(X509Certificate certificate) {
        try {
            LdapName subject = new LdapName(certificate.getSubjectX500Principal().getName());
            return subject.getRdns().stream().filter(rdn -> rdn.getType().equalsIgnoreCase("CN"))
                    .map(Rdn::getValue).map(Object::toString).findFirst().orElse(null);
        } catch (InvalidNameException unreadable) {
            return null;
        }
    }
}
