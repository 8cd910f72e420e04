package io.github.ontapkafka.iscsi.connector;

import com.fasterxml.jackson.core.JsonFactory;
import io.github.ontapkafka.iscsi.ontap.ClusterUrl;
import io.github.ontapkafka.iscsi.config.OntapSourceConfig;
import io.github.ontapkafka.iscsi.ontap.OntapClient;
import io.github.ontapkafka.iscsi.ontap.OntapException;
import io.github.ontapkafka.iscsi.ontap.OntapHttpClients;
import io.github.ontapkafka.iscsi.ontap.RequestPolicy;
import okhttp3.OkHttpClient;

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
        OkHttpClient http = config.httpClient().newBuilder().callTimeout(PER_CLUSTER_LIMIT).build();
        String authorization = config.authorization();
        RequestPolicy once = new RequestPolicy(1, 0, Duration.ZERO);
        JsonFactory json = new JsonFactory();
        List<ClusterUrl> clusters = config.clusters();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(MAX_PARALLEL, clusters.size()),
                DaemonThreads.named("ontap-iscsi-validate"));
        try {
            List<Future<Problem>> checks = new ArrayList<>();
            for (ClusterUrl url : clusters) {
                OntapClient client = new OntapClient(url, http, authorization, once, json);
                checks.add(pool.submit(() -> probe(client)));
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
            OntapHttpClients.close(http);
        }
    }

    private static Problem probe(OntapClient client) throws InterruptedException {
        try {
            client.fetchIdentity();
            client.probeSessions();
            return null;
        } catch (OntapException e) {
            return new Problem(keysConcerned(e), e.getMessage());
        }
    }

    private static Problem outcome(Future<Problem> check, ClusterUrl url) throws InterruptedException {
        try {
            return check.get(PER_CLUSTER_LIMIT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return new Problem(List.of(OntapSourceConfig.CLUSTERS), "ONTAP cluster " + url + ": no answer within "
                    + PER_CLUSTER_LIMIT.toSeconds() + " s");
        } catch (ExecutionException e) {
            return new Problem(List.of(OntapSourceConfig.CLUSTERS), "ONTAP cluster " + url + ": check failed: "
                    + e.getCause());
        }
    }

    private static List<String> keysConcerned(OntapException e) {
        return switch (e.kind()) {
            case UNAUTHORIZED -> List.of(OntapSourceConfig.USERNAME, OntapSourceConfig.PASSWORD);
            case FORBIDDEN -> List.of(OntapSourceConfig.USERNAME);
            case TLS -> List.of(OntapSourceConfig.TRUSTSTORE_LOCATION);
            default -> List.of(OntapSourceConfig.CLUSTERS);
        };
    }
}
