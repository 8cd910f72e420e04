package io.github.ontapkafka.iscsi.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * How a server speaks TLS. With client certificate authorities it does mutual TLS as ONTAP does after
 * {@code security ssl modify -client-enabled true}: it asks every client for a certificate but does not insist
 * (Basic authentication still works without one), and a certificate that those authorities did not issue fails the
 * handshake.
 */
final class ServerTls {

    private final SSLContext context;
    private final boolean requestsClientCertificates;

    private ServerTls(SSLContext context, boolean requestsClientCertificates) {
        this.context = context;
        this.requestsClientCertificates = requestsClientCertificates;
    }

    /** One-way TLS with a context made elsewhere. */
    static ServerTls of(SSLContext context) {
        return new ServerTls(context, false);
    }

    /** TLS with the server's own {@code keys}; mutual TLS if {@code clientAuthorities} is not empty. */
    static ServerTls of(KeyManager[] keys, List<X509Certificate> clientAuthorities) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, clientAuthorities.isEmpty() ? null : trusting(clientAuthorities), null);
            return new ServerTls(context, !clientAuthorities.isEmpty());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("Cannot set up TLS with these keys and client CAs: " + e, e);
        }
    }

    HttpsConfigurator configurator() {
        return new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
                ssl.setWantClientAuth(requestsClientCertificates);
                parameters.setSSLParameters(ssl);
            }
        };
    }

    /** The certificate the client of {@code exchange} presented and the handshake verified; null if none. */
    static X509Certificate clientCertificate(HttpExchange exchange) {
        if (!(exchange instanceof HttpsExchange https)) {
            return null;
        }
        try {
            Certificate[] chain = https.getSSLSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate leaf ? leaf : null;
        } catch (SSLPeerUnverifiedException noCertificate) {
            return null;
        }
    }

    private static TrustManager[] trusting(List<X509Certificate> authorities)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        for (int i = 0; i < authorities.size(); i++) {
            store.setCertificateEntry("client-ca-" + i, authorities.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }
}
