package io.github.ontapkafka.iscsi.ontap;

import okhttp3.Credentials;
import okhttp3.OkHttpClient;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

/**
 * Builds the HTTP client all clusters of a task share: timeouts, and TLS trust from the configured truststore.
 * Certificate verification is always on; only the host name check can be switched off.
 */
public final class OntapHttpClients {

    private OntapHttpClients() {
    }

    /** @throws IllegalArgumentException if the truststore cannot be read; the message names the file and why */
    public static OkHttpClient create(HttpSettings settings) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.connectTimeout())
                // Retries are ours to count and to log; redirects could carry credentials elsewhere.
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false);
        if (settings.trust() != null) {
            X509TrustManager trust = trustManager(settings.trust());
            builder.sslSocketFactory(sslContext(trust).getSocketFactory(), trust);
        }
        if (!settings.hostnameVerification()) {
            builder.hostnameVerifier((host, session) -> true);
        }
        return builder.build();
    }

    /** The Basic authorization header value of an account. */
    public static String basicAuthorization(String username, Secret password) {
        return Credentials.basic(username, password.value(), StandardCharsets.UTF_8);
    }

    /** Cancels what is still running on {@code http} and lets its threads and connections go. */
    public static void close(OkHttpClient http) {
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private static X509TrustManager trustManager(TrustSettings settings) {
        try {
            KeyStore store = load(settings);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalArgumentException("truststore " + settings.location() + " holds no X.509 trust");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("truststore " + settings.location() + " cannot be read as "
                    + settings.type() + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore load(TrustSettings settings) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(settings.location())) {
            if (settings.type().equals("PEM")) {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                Collection<? extends Certificate> certificates =
                        CertificateFactory.getInstance("X.509").generateCertificates(in);
                if (certificates.isEmpty()) {
                    throw new GeneralSecurityException("no certificate in the file");
                }
                int index = 0;
                for (Certificate certificate : certificates) {
                    store.setCertificateEntry("ca-" + index++, certificate);
                }
                return store;
            }
            KeyStore store = KeyStore.getInstance(settings.type());
            store.load(in, settings.password() == null ? null : settings.password().value().toCharArray());
            return store;
        }
    }

    private static SSLContext sslContext(X509TrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[]{trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this JVM", e);
        }
    }
}
