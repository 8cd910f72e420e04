package io.github.ontapkafka.iscsi.simulator;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A simulator started from {@link SimulatorOptions}: its server, its generated clusters and their churn. */
public final class RunningSimulator implements AutoCloseable {

    private static final long MICROS_PER_MINUTE = TimeUnit.MINUTES.toMicros(1);

    private final OntapSimulatorServer server;
    private final List<SimulatedCluster> clusters;
    private final ScheduledExecutorService churn;
    private final CountDownLatch closed = new CountDownLatch(1);

    private RunningSimulator(OntapSimulatorServer server, List<SimulatedCluster> clusters,
                             ScheduledExecutorService churn) {
        this.server = server;
        this.clusters = List.copyOf(clusters);
        this.churn = churn;
    }

    /** Builds clusters {@code c1..cN} with their starting sessions, starts the server, then the churn. */
    public static RunningSimulator launch(SimulatorOptions options) throws IOException, GeneralSecurityException {
        OntapSimulatorServer.Builder builder = OntapSimulatorServer.builder()
                .credentials(options.username(), options.password())
                .port(options.port())
                .bindAddress(InetAddress.getByName(options.bindAddress()));
        if (options.keystore() != null) {
            builder.tls(keyManagers(options));
        }
        if (options.clientCa() != null) {
            clientAuthorities(options).forEach(builder::clientCertificateAuthority);
        }
        options.certUsers().forEach(builder::certificateUser);
        if (options.oauth2ClientId() != null) {
            TokenEndpoint tokens = new TokenEndpoint(options.oauth2ClientId(), options.oauth2ClientSecret())
                    .lifetime(Duration.ofSeconds(options.tokenLifetimeSeconds()));
            builder.tokenEndpoint(tokens).acceptTokensFrom(tokens);
        }
        OntapSimulatorServer server = builder.build();
        List<SimulatedCluster> clusters = new ArrayList<>();
        for (int number = 1; number <= options.clusters(); number++) {
            SimulatedCluster cluster = cluster(options, number);
            server.mount("c" + number, cluster);
            server.workload(cluster).populate(cluster, options.sessions());
            clusters.add(cluster);
        }
        server.start();
        ScheduledExecutorService churn = null;
        if (options.churnPerMinute() > 0) {
            churn = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "ontap-simulator-churn");
                thread.setDaemon(true);
                return thread;
            });
            long period = Math.max(1, MICROS_PER_MINUTE / options.churnPerMinute());
            churn.scheduleAtFixedRate(() -> clusters.forEach(cluster -> server.workload(cluster).apply(cluster, 1)),
                    period, period, TimeUnit.MICROSECONDS);
        }
        return new RunningSimulator(server, clusters, churn);
    }

    public OntapSimulatorServer server() {
        return server;
    }

    public List<SimulatedCluster> clusters() {
        return clusters;
    }

    /** Blocks until {@link #close()}. */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    @Override
    public void close() {
        if (churn != null) {
            churn.shutdownNow();
        }
        server.stop();
        closed.countDown();
    }

    /** Cluster {@code number} of a seeded run: the same seed gives the same UUIDs and sessions. */
    private static SimulatedCluster cluster(SimulatorOptions options, int number) {
        String name = String.format("cluster-%02d", number);
        String uuid = UUID.nameUUIDFromBytes((options.seed() + "/" + name).getBytes(StandardCharsets.UTF_8)).toString();
        SimulatedCluster cluster = new SimulatedCluster(name, uuid, options.version());
        if (options.pageCap() > 0) {
            cluster.setPageCap(options.pageCap());
        }
        return cluster;
    }

    private static KeyManager[] keyManagers(SimulatorOptions options) throws IOException, GeneralSecurityException {
        char[] password = options.keystorePassword().toCharArray();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(options.keystore())) {
            keyStore.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, password);
        return keys.getKeyManagers();
    }

    /** Every certificate in the {@code --client-ca} PEM file. */
    private static List<X509Certificate> clientAuthorities(SimulatorOptions options)
            throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(options.clientCa())) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("No certificate in " + options.clientCa());
        }
        return certificates.stream().map(X509Certificate.class::cast).toList();
    }
}
