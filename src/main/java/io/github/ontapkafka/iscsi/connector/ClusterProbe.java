package io.github.ontapkafka.iscsi.connector;

import io.github.ontapkafka.iscsi.config.ClusterSettings;
import io.github.ontapkafka.iscsi.config.OntapSourceConfig;
import io.github.ontapkafka.iscsi.model.ClusterNode;
import io.github.ontapkafka.iscsi.ontap.FailureKind;
import io.github.ontapkafka.iscsi.ontap.Login;
import io.github.ontapkafka.iscsi.ontap.OntapClient;
import io.github.ontapkafka.iscsi.ontap.OntapClients;
import io.github.ontapkafka.iscsi.ontap.OntapException;
import io.github.ontapkafka.iscsi.ontap.RequestPolicy;
import io.github.ontapkafka.iscsi.ontap.UnusableKeyMaterialException;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Checks, for validation, that every cluster answers, that TLS trust holds, that the credentials are accepted and
 * that the account may read the sessions: the same requests a poll makes, once each, without retries, all clusters
 * at once so that the whole check fits in the Connect REST request timeout.
 */
final class ClusterProbe {

    /** A problem found, and the configuration keys it concerns. */
    record Problem(List<String> keys, String message) {
    }

    private static final Duration PER_CLUSTER_LIMIT = Duration.ofSeconds(20);
    private static final int MAX_PARALLEL = 8;

    private ClusterProbe() {
    }

    static List<Problem> check(OntapSourceConfig config) throws InterruptedException {
        List<ClusterSettings> clusters = config.clusters();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(MAX_PARALLEL, Math.max(1, clusters.size())),
                DaemonThreads.named("ontap-iscsi-validate"));
        try (OntapClients clients = config.ontapClients(PER_CLUSTER_LIMIT, new RequestPolicy(1, 0, Duration.ZERO),
                Clock.systemUTC())) {
            List<Future<Problem>> checks = new ArrayList<>();
            for (ClusterSettings cluster : clusters) {
                checks.add(pool.submit(() -> probe(clients, cluster, config.emsTopic() != null)));
            }
            List<Problem> problems = new ArrayList<>();
            for (int i = 0; i < checks.size(); i++) {
                Problem problem = outcome(checks.get(i), clusters.get(i));
                if (problem != null) {
                    problems.add(problem);
                }
            }
            return problems;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Problem probe(OntapClients clients, ClusterSettings cluster, boolean readsEms)
            throws InterruptedException {
        OntapClient client;
        try {
            client = clients.create(cluster.url(), cluster.access(), cluster.scope());
        } catch (UnusableKeyMaterialException e) {
            return new Problem(List.of(fileKey(cluster, e)), "ONTAP cluster " + cluster + ": "
                    + e.getMessage());
        }
        try {
            client.fetchIdentity();
            client.probeSessions();
        } catch (OntapException e) {
            return new Problem(keysConcerned(e, cluster), e.getMessage());
        }
        if (!readsEms) {
            return null;
        }
        try {
            // The same requests an EMS read makes first: the nodes, and how far back the first one's log goes.
            List<ClusterNode> nodes = client.fetchNodes();
            if (!nodes.isEmpty()) {
                client.oldestEmsIndex(nodes.get(0).uuid());
            }
            return null;
        } catch (OntapException e) {
            return new Problem(List.of(OntapSourceConfig.EMS_ENABLED), e.getMessage()
                    + (e.kind() == FailureKind.FORBIDDEN ? "; the account needs read access to /api/cluster/nodes "
                    + "and /api/support/ems/events for " + OntapSourceConfig.EMS_ENABLED : ""));
        }
    }

    private static Problem outcome(Future<Problem> check, ClusterSettings cluster) throws InterruptedException {
        try {
            return check.get(PER_CLUSTER_LIMIT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return new Problem(List.of(cluster.keyFor(OntapSourceConfig.CLUSTERS)), "ONTAP cluster " + cluster
                    + ": no answer within "
                    + PER_CLUSTER_LIMIT.toSeconds() + " s");
        } catch (ExecutionException e) {
            return new Problem(List.of(cluster.keyFor(OntapSourceConfig.CLUSTERS)), "ONTAP cluster " + cluster
                    + ": check failed: "
                    + e.getCause());
        }
    }

    /** The keys to change for a failure, where this cluster reads them (its own keys, or the connector-wide ones). */
    private static List<String> keysConcerned(OntapException e, ClusterSettings cluster) {
        List<String> keys = switch (e.kind()) {
            case UNAUTHORIZED -> credentialKeys(cluster.access().login());
            case FORBIDDEN -> credentialKeys(cluster.access().login()).subList(0, 1);
            case TLS -> List.of(OntapSourceConfig.TRUSTSTORE_LOCATION);
            case CERTIFICATE_REJECTED -> List.of(OntapSourceConfig.KEYSTORE_LOCATION);
            case TOKEN_ENDPOINT -> List.of(OntapSourceConfig.OAUTH2_TOKEN_ENDPOINT_URL,
                    OntapSourceConfig.OAUTH2_CLIENT_ID);
            // ONTAP refuses a filter on a field its release does not have.
            case HTTP_ERROR -> e.status() == 400 && !cluster.scope().isAll()
                    ? List.of(OntapSourceConfig.SESSIONS_FILTER) : List.of(OntapSourceConfig.CLUSTERS);
            default -> List.of(OntapSourceConfig.CLUSTERS);
        };
        return keys.stream().map(cluster::keyFor).toList();
    }

    /** The keys of the credentials, the one naming the account first. */
    private static List<String> credentialKeys(Login login) {
        if (login instanceof Login.Certificate) {
            return List.of(OntapSourceConfig.KEYSTORE_LOCATION);
        }
        if (login instanceof Login.OAuth2) {
            return List.of(OntapSourceConfig.OAUTH2_CLIENT_ID);
        }
        return List.of(OntapSourceConfig.USERNAME, OntapSourceConfig.PASSWORD);
    }

    /** A truststore, keystore or key file that cannot be used: reported on the key that names that file. */
    private static String fileKey(ClusterSettings cluster, UnusableKeyMaterialException e) {
        return cluster.keyFor(switch (e.store()) {
            case TRUSTSTORE -> OntapSourceConfig.TRUSTSTORE_LOCATION;
            case KEYSTORE -> OntapSourceConfig.KEYSTORE_LOCATION;
            case TOKEN_ENDPOINT_TRUSTSTORE -> OntapSourceConfig.OAUTH2_TRUSTSTORE_LOCATION;
        });
    }
}
