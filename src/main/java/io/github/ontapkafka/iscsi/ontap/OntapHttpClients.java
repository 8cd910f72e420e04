package io.github.ontapkafka.iscsi.ontap;

import io.github.ontapkafka.iscsi.config.OntapSourceConfig;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    public static OkHttpClient create(OntapSourceConfig config) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.connectTimeout())
                // Retries are ours to count and to log; redirects could carry credentials elsewhere.
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false);
        X509TrustManager trust = trustManager(config);
        if (trust != null) {
            builder.sslSocketFactory(sslContext(trust).getSocketFactory(), trust);
        }
        if (!config.hostnameVerification()) {
            builder.hostnameVerifier((host, session) -> true);
        }
        return builder.build();
    }

    /** The Basic authorization header value of the configured account. */
    public static String authorization(OntapSourceConfig config) {
        return Credentials.basic(config.username(), config.password().value(), StandardCharsets.UTF_8);
    }

    /** Cancels what is still running on {@code http} and lets its threads and connections go. */
    public static void close(OkHttpClient http) {
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private static X509TrustManager trustManager(OntapSourceConfig config) {
        String location = config.truststoreLocation();
        if (location == null) {
            return null;
        }
        try {
            KeyStore store = load(Path.of(location), config.truststoreType(), config.truststorePassword());
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new ConfigException(OntapSourceConfig.TRUSTSTORE_LOCATION, location, "holds no X.509 trust");
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException(OntapSourceConfig.TRUSTSTORE_LOCATION, location,
                    "cannot be read as " + config.truststoreType() + ": " + e.getMessage());
        }
    }

    private static KeyStore load(Path path, String type, Password password) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(path)) {
            if (type.equals("PEM")) {
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
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password == null ? null : password.value().toCharArray());
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
