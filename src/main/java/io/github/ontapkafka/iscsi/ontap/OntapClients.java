package io.github.ontapkafka.iscsi.ontap;

import com.fasterxml.jackson.core.JsonFactory;
import okhttp3.OkHttpClient;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Makes the {@link OntapClient}s of a task or a validation: each cluster with its own credentials and TLS settings,
 * all sharing one connection pool and dispatcher, and clusters with the same OAuth 2.0 client sharing its token.
 * Certificate verification is always on; only the host name check can be switched off.
 */
public final class OntapClients implements AutoCloseable {

    private final OkHttpClient base;
    private final RequestPolicy policy;
    private final JsonFactory json = new JsonFactory();
    private final Clock clock;
    private final Map<OAuth2Settings, TokenSource> tokenSources = new HashMap<>();

    /** @param callTimeout the longest one request may take in all; zero for no limit beyond the other timeouts */
    public OntapClients(Duration connectTimeout, Duration readTimeout, Duration callTimeout, RequestPolicy policy,
                        Clock clock) {
        this.base = new OkHttpClient.Builder()
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(connectTimeout)
                .callTimeout(callTimeout)
                // Retries are ours to count and to log; redirects could carry credentials elsewhere.
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .eventListenerFactory(HandshakeWatch.FACTORY)
                .build();
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * A client for one cluster. Reads its truststore and key material now, so that a file that cannot be used fails
     * the start rather than every poll.
     *
     * @throws UnusableKeyMaterialException if a truststore, keystore or key cannot be used
     */
    public OntapClient create(ClusterUrl cluster, ClusterAccess access, SessionScope scope) {
        OkHttpClient.Builder http = base.newBuilder();
        X509TrustManager trust = access.trust() == null ? null : KeyMaterial.trustManager(access.trust(),
                UnusableKeyMaterialException.Store.TRUSTSTORE);
        KeyManager[] keys = null;
        Authentication authentication;
        if (access.login() instanceof Login.Certificate certificate) {
            KeyMaterial.LoadedIdentity identity = KeyMaterial.identity(certificate.identity());
            keys = identity.keyManagers();
            authentication = new CertificateAuthentication(identity.certificate());
        } else if (access.login() instanceof Login.OAuth2 oauth2) {
            authentication = new OAuth2Authentication(tokenSource(oauth2.client()), oauth2.client().clientId());
        } else {
            Login.Password password = (Login.Password) access.login();
            authentication = new BasicAuthentication(password.username(), password.password());
        }
        if (trust != null || keys != null) {
            X509TrustManager effective = trust != null ? trust : KeyMaterial.defaultTrust();
            http.sslSocketFactory(sslContext(keys, effective).getSocketFactory(), effective);
        }
        if (!access.hostnameVerification()) {
            http.hostnameVerifier((host, session) -> true);
        }
        return new OntapClient(cluster, http.build(), authentication, scope, policy, json);
    }

    /**
     * As {@link #create}, except that key material that cannot be used gives a client whose every request fails
     * saying so: for a task, where one cluster's missing file must not stop the others.
     */
    public OntapClient createOrUnusable(ClusterUrl cluster, ClusterAccess access, SessionScope scope) {
        try {
            return create(cluster, access, scope);
        } catch (UnusableKeyMaterialException e) {
            return OntapClient.unusable(cluster, scope, policy, json, e);
        }
    }

    private synchronized TokenSource tokenSource(OAuth2Settings settings) {
        return tokenSources.computeIfAbsent(settings, key -> {
            OkHttpClient.Builder http = base.newBuilder();
            if (key.trust() != null) {
                X509TrustManager trust = KeyMaterial.trustManager(key.trust(),
                        UnusableKeyMaterialException.Store.TOKEN_ENDPOINT_TRUSTSTORE);
                http.sslSocketFactory(sslContext(null, trust).getSocketFactory(), trust);
            }
            return new TokenSource(key, http.build(), json, clock);
        });
    }

    /** Cancels what is still running and lets the shared threads and connections go. */
    @Override
    public void close() {
        base.dispatcher().cancelAll();
        base.dispatcher().executorService().shutdown();
        base.connectionPool().evictAll();
    }

    private static SSLContext sslContext(KeyManager[] keys, X509TrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, new TrustManager[]{trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this JVM", e);
        }
    }
}
