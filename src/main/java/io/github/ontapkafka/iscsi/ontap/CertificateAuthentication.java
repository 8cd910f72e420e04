package io.github.ontapkafka.iscsi.ontap;

import javax.security.auth.x500.X500Principal;
import java.security.cert.X509Certificate;

/**
 * A TLS client certificate: no header at all, the cluster maps the certificate's common name to an account. The key
 * material itself lives in the HTTP client ({@link OntapClients}); this knows what to say when it is refused.
 */
public final class CertificateAuthentication implements Authentication {

    private final String subject;
    private final String commonName;

    CertificateAuthentication(X509Certificate certificate) {
        this.subject = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
        this.commonName = commonName(subject);
    }

    @Override
    public String authorization() {
        return null;
    }

    @Override
    public boolean presentsCertificate() {
        return true;
    }

    @Override
    public String refusalHint() {
        return "ONTAP refused client certificate '" + subject + "'. It needs: the certificate's issuing CA installed "
                + "with 'security certificate install -type client-ca -vserver <admin SVM>', client authentication "
                + "enabled with 'security ssl modify -vserver <admin SVM> -client-enabled true', and a login for the "
                + "certificate's common name: 'security login create -user-or-group-name " + commonName
                + " -application http -authentication-method cert -role <read-only REST role>'";
    }

    private static String commonName(String subject) {
        for (String part : subject.split(",")) {
            if (part.regionMatches(true, 0, "CN=", 0, 3)) {
                return part.substring(3);
            }
        }
        return "<common name>";
    }

    @Override
    public String toString() {
        return "certificate authentication as '" + subject + "'";
    }
}
