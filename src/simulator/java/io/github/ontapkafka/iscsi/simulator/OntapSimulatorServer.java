package io.github.ontapkafka.iscsi.simulator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake ONTAP REST server hosting {@link SimulatedCluster}s, over HTTP or HTTPS, optionally with mutual TLS.
 *
 * <p>Each cluster lives under {@code /clusters/{id}} ({@link #mount}) or at the root ({@link #mountAtRoot}); clients
 * take {@link #baseUrl} as the cluster's address and append {@code /api/...}. Links in replies are paths relative to
 * the cluster ({@code /api/...}), as ONTAP writes them, so clients put the base URL before them (URL resolution would
 * drop a base path such as {@code /clusters/c1}). A cluster request needs HTTP Basic authentication with the
 * server's one user, or, with mutual TLS ({@link Builder#clientCertificateAuthority}), a verified client certificate
 * whose subject CN is a {@link Builder#certificateUser certificate user}; see {@link ClusterAuthentication}. The admin
 * API for people and scripts lives under {@code /simulator} and always needs Basic; see {@link AdminApi}.
 *
 * <p>{@link #stop()} and a later {@link #start()} reopen the same port; clusters, their sessions and faults survive.
 */
public final class OntapSimulatorServer implements AutoCloseable {

    static final String CLUSTERS_PREFIX = "/clusters/";
    /**
     * The JDK server writes headers and body separately; with Nagle's algorithm on, the body then waits for the
     * client's delayed ACK, some 40 ms per response. Read once, when the JDK's first server starts.
     */
    private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";
    private static final String API_PREFIX = "/api";
    private static final int BACKLOG = 128;

    private final BasicCredentials credentials;
    private final ClusterAuthentication authentication;
    private final InetAddress bindAddress;
    private final ServerTls tls;
    private final TokenEndpoint tokenEndpoint;
    private final List<MountedCluster> mounts = new CopyOnWriteArrayList<>();
    private final AdminApi admin;
    private int port;
    private HttpServer running;
    private ExecutorService workers;

    static {
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
    }

    private OntapSimulatorServer(Builder builder) {
        this.credentials = new BasicCredentials(builder.username, builder.password);
        this.authentication = new ClusterAuthentication(credentials, builder.certificateUsers, builder.tokenIssuers);
        this.tokenEndpoint = builder.tokenEndpoint;
        this.bindAddress = builder.bindAddress;
        this.tls = builder.tls();
        this.port = builder.port;
        this.admin = new AdminApi(this, credentials);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Hosts {@code cluster} under {@code /clusters/{id}}. */
    public OntapSimulatorServer mount(String id, SimulatedCluster cluster) {
        return add(id, cluster, false);
    }

    /** Hosts {@code cluster} at the root, so that its base URL is the server's origin; only one cluster can be. */
    public OntapSimulatorServer mountAtRoot(String id, SimulatedCluster cluster) {
        return add(id, cluster, true);
    }

    /** Listens, on the configured port or, the first time, on an ephemeral one if that was 0. */
    public synchronized OntapSimulatorServer start() {
        if (running != null) {
            throw new IllegalStateException("Already running on port " + port);
        }
        InetSocketAddress address = new InetSocketAddress(bindAddress, port);
        try {
            HttpServer server = tls == null ? HttpServer.create(address, BACKLOG) : httpsServer(address);
            workers = Executors.newCachedThreadPool(daemonThreads());
            server.setExecutor(workers);
            server.createContext("/", this::handle);
            server.start();
            running = server;
            port = server.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + address, e);
        }
        return this;
    }

    /** Closes the port and every open connection; requests in progress are cut off. */
    public synchronized void stop() {
        if (running == null) {
            return;
        }
        running.stop(0);
        workers.shutdownNow();
        running = null;
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return running != null;
    }

    /** The port the server listens, or listened, on. */
    public synchronized int port() {
        if (port == 0) {
            throw new IllegalStateException("Not started yet: the ephemeral port is unknown");
        }
        return port;
    }

    /** The URL clients give as the cluster's address, e.g. {@code http://127.0.0.1:41234/clusters/c1}. */
    public String baseUrl(SimulatedCluster cluster) {
        return baseUrl(mountOf(cluster));
    }

    String baseUrl(MountedCluster mounted) {
        return origin() + mounted.basePath();
    }

    /** Where the admin API lives, e.g. {@code http://127.0.0.1:41234/simulator}. */
    public String adminUrl() {
        return origin() + AdminApi.PREFIX;
    }

    /**
     * Where this server's {@link Builder#tokenEndpoint token endpoint} lives, e.g.
     * {@code https://127.0.0.1:41234/oauth2/token}.
     */
    public String tokenUrl() {
        if (tokenEndpoint == null) {
            throw new IllegalStateException("This server has no token endpoint");
        }
        return origin() + TokenEndpoint.TOKEN_PATH;
    }

    /** The workload the admin API uses to invent sessions for {@code cluster}, seeded from its UUID. */
    public SessionChurn workload(SimulatedCluster cluster) {
        return mountOf(cluster).workload();
    }

    Optional<TokenEndpoint> tokenEndpoint() {
        return Optional.ofNullable(tokenEndpoint);
    }

    List<MountedCluster> mounts() {
        return List.copyOf(mounts);
    }

    Optional<MountedCluster> mount(String id) {
        return mounts.stream().filter(mounted -> mounted.id().equals(id)).findFirst();
    }

    private String origin() {
        String host = bindAddress.isAnyLocalAddress() ? "127.0.0.1" : bindAddress.getHostAddress();
        return (tls == null ? "http" : "https") + "://" + host + ":" + port();
    }

    private MountedCluster mountOf(SimulatedCluster cluster) {
        return mounts.stream().filter(mounted -> mounted.cluster() == cluster).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(cluster + " is not mounted on this server"));
    }

    private synchronized OntapSimulatorServer add(String id, SimulatedCluster cluster, boolean atRoot) {
        if (!id.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("A cluster id must be a plain path segment: " + id);
        }
        if (mount(id).isPresent() || mounts.stream().anyMatch(mounted -> mounted.cluster() == cluster)) {
            throw new IllegalStateException("Cluster id " + id + " or " + cluster + " is already mounted");
        }
        if (atRoot && mounts.stream().anyMatch(MountedCluster::atRoot)) {
            throw new IllegalStateException("A cluster is already mounted at the root");
        }
        SessionChurn workload = new SessionChurn(cluster.uuid().hashCode());
        mounts.add(new MountedCluster(id, cluster, new ClusterApi(cluster, authentication), workload, atRoot));
        return this;
    }

    private void handle(HttpExchange exchange) {
        try {
            send(exchange, route(exchange));
        } catch (IOException clientGone) {
            // Nobody is left to answer.
        } catch (RuntimeException bug) {
            trySend(exchange, OntapErrors.error(500, "Simulator failure: " + bug, "2"));
        } finally {
            exchange.close();
        }
    }

    private Reply route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (tokenEndpoint != null && path.equals(TokenEndpoint.TOKEN_PATH)) {
            Headers headers = exchange.getRequestHeaders();
            return tokenEndpoint.handle(exchange.getRequestMethod(), headers.getFirst("Content-Type"),
                    headers.getFirst("Authorization"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        }
        if (path.equals(AdminApi.PREFIX) || path.startsWith(AdminApi.PREFIX + "/")) {
            return admin.handle(request(exchange, path));
        }
        if (path.startsWith(CLUSTERS_PREFIX)) {
            int end = path.indexOf('/', CLUSTERS_PREFIX.length());
            String id = path.substring(CLUSTERS_PREFIX.length(), end < 0 ? path.length() : end);
            Optional<MountedCluster> mounted = mount(id).filter(candidate -> !candidate.atRoot());
            if (mounted.isPresent()) {
                return mounted.get().api().handle(request(exchange, end < 0 ? "" : path.substring(end)));
            }
        }
        Optional<MountedCluster> root = mounts.stream().filter(MountedCluster::atRoot).findFirst();
        if (root.isPresent() && (path.equals(API_PREFIX) || path.startsWith(API_PREFIX + "/"))) {
            return root.get().api().handle(request(exchange, path));
        }
        return OntapErrors.apiNotFound();
    }

    private static ApiRequest request(HttpExchange exchange, String pathInCluster) {
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        boolean hal = accept != null && accept.contains(Reply.HAL_JSON);
        return new ApiRequest(exchange.getRequestMethod(), pathInCluster,
                QueryParameters.parse(exchange.getRequestURI().getRawQuery()), hal,
                exchange.getRequestHeaders().getFirst("Authorization"), ServerTls.clientCertificate(exchange));
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        if (reply.dropsConnection()) {
            // Closing an exchange before sending headers makes the JDK server close the socket: no response at all.
            exchange.close();
            return;
        }
        reply.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        byte[] body = reply.body();
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void trySend(HttpExchange exchange, Reply reply) {
        try {
            send(exchange, reply);
        } catch (IOException | RuntimeException headersAlreadySent) {
            // The client gets a broken response instead; the connection closes below.
        }
    }

    private HttpServer httpsServer(InetSocketAddress address) throws IOException {
        HttpsServer server = HttpsServer.create(address, BACKLOG);
        server.setHttpsConfigurator(tls.configurator());
        return server;
    }

    private ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "ontap-simulator-" + port + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Configures a server; by default it listens on an ephemeral port of 127.0.0.1, over plain HTTP. */
    public static final class Builder {
        private String username = "admin";
        private String password = "netapp123";
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int port;
        private SSLContext sslContext;
        private KeyManager[] keyManagers;
        private final List<X509Certificate> clientAuthorities = new ArrayList<>();
        private final Set<String> certificateUsers = new LinkedHashSet<>();
        private final List<TokenEndpoint> tokenIssuers = new ArrayList<>();
        private TokenEndpoint tokenEndpoint;

        private Builder() {
        }

        /** The one user the server accepts; {@code admin} / {@code netapp123} unless told otherwise. */
        public Builder credentials(String username, String password) {
            this.username = username;
            this.password = password;
            return this;
        }

        /** 0 (the default) picks a free port at the first start and keeps it afterwards. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** E.g. {@code 0.0.0.0} inside a container; 127.0.0.1 by default. */
        public Builder bindAddress(InetAddress bindAddress) {
            this.bindAddress = bindAddress;
            return this;
        }

        /**
         * Serves HTTPS with this context's key material, one-way only: a ready context's trust cannot be extended,
         * so mutual TLS needs {@link #tls(KeyManager...)} instead.
         */
        public Builder tls(SSLContext sslContext) {
            this.sslContext = sslContext;
            this.keyManagers = null;
            return this;
        }

        /**
         * Serves HTTPS with the server's own key and certificate chain, e.g. {@code tls(heldCertificates.keyManager())}
         * with okhttp-tls, or a {@code KeyManagerFactory}'s key managers; the server then builds its context itself,
         * trusting the {@link #clientCertificateAuthority client certificate authorities} if there are any.
         */
        public Builder tls(KeyManager... keyManagers) {
            this.keyManagers = keyManagers.clone();
            this.sslContext = null;
            return this;
        }

        /**
         * Turns on mutual TLS, as {@code security ssl modify -client-enabled true} with this {@code client-ca}
         * certificate installed: the server asks clients for a certificate, accepts none, and fails the handshake
         * on one that no such authority issued. May be called for several authorities; needs
         * {@link #tls(KeyManager...)}.
         */
        public Builder clientCertificateAuthority(X509Certificate authority) {
            clientAuthorities.add(authority);
            return this;
        }

        /**
         * A login with {@code -authentication-method cert}: a verified client certificate with this subject CN
         * authenticates as that user without an {@code Authorization} header. May be called for several users.
         */
        public Builder certificateUser(String commonName) {
            certificateUsers.add(commonName);
            return this;
        }

        /**
         * Serves {@code endpoint} at {@link TokenEndpoint#TOKEN_PATH}, outside every cluster and the admin API, and
         * never subject to a cluster's faults; the server is then an identity provider too.
         */
        public Builder tokenEndpoint(TokenEndpoint endpoint) {
            this.tokenEndpoint = endpoint;
            return this;
        }

        /**
         * Makes the clusters accept {@code Authorization: Bearer} with the tokens {@code endpoint} issued, wherever it
         * is served, as ONTAP trusts an identity provider's tokens. May be called for several endpoints.
         */
        public Builder acceptTokensFrom(TokenEndpoint endpoint) {
            tokenIssuers.add(endpoint);
            return this;
        }

        /** @throws IllegalStateException when client certificates are configured without the means to verify them */
        public OntapSimulatorServer build() {
            if (!clientAuthorities.isEmpty() && keyManagers == null) {
                throw new IllegalStateException("clientCertificateAuthority needs the server's key through "
                        + "tls(KeyManager...): " + (sslContext == null ? "TLS is off"
                        : "a ready SSLContext cannot be made to trust the client CAs"));
            }
            if (!certificateUsers.isEmpty() && clientAuthorities.isEmpty()) {
                throw new IllegalStateException("certificateUser needs a clientCertificateAuthority to verify the "
                        + "certificates of " + certificateUsers);
            }
            return new OntapSimulatorServer(this);
        }

        private ServerTls tls() {
            if (keyManagers != null) {
                return ServerTls.of(keyManagers, clientAuthorities);
            }
            return sslContext == null ? null : ServerTls.of(sslContext);
        }
    }
}
