package io.github.ontapkafka.iscsi.ontap;

import javax.net.ssl.SSLException;
import java.util.List;
import java.util.Locale;

/**
 * Tells a handshake the server ended because of the client's certificate from one the client ended because of the
 * server's. The JDK reports the server's alert only in the message ("Received fatal alert: bad_certificate").
 */
final class TlsAlerts {

    /** TLS alerts (RFC 8446 §6.2) a server sends about the certificate a client presented, or failed to present. */
    private static final List<String> ABOUT_CLIENT_CERTIFICATE = List.of("bad_certificate", "certificate_unknown",
            "unknown_ca", "certificate_required", "certificate_expired", "certificate_revoked", "access_denied",
            "unsupported_certificate");

    private TlsAlerts() {
    }

    static boolean refusesClientCertificate(SSLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("received fatal alert")
                    && ABOUT_CLIENT_CERTIFICATE.stream().anyMatch(message::contains)) {
                return true;
            }
        }
        return false;
    }
}
