package io.github.ontapkafka.iscsi.bench;

import com.fasterxml.jackson.core.JsonFactory;
import io.github.ontapkafka.iscsi.ontap.MalformedResponseException;
import io.github.ontapkafka.iscsi.ontap.OntapClient;
import io.github.ontapkafka.iscsi.ontap.SessionPageParser;
import io.github.ontapkafka.iscsi.simulator.OntapSimulatorServer;
import io.github.ontapkafka.iscsi.simulator.SessionChurn;
import io.github.ontapkafka.iscsi.simulator.SimulatedCluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Benchmark payloads from the project's simulator: a cluster populated by {@link SessionChurn}'s realistic
 * workload, served by the simulator over HTTP and captured page by page exactly as the connector asks for them
 * ({@code fields=...}, {@code max_records}, plain JSON).
 */
final class SimulatedPages implements AutoCloseable {

    static final int PAGE_SIZE = 500;
    private static final String USER = "bench";
    private static final String PASSWORD = "bench";

    private final SimulatedCluster cluster = SimulatedCluster.named("bench-cluster");
    private final OntapSimulatorServer server;
    private final SessionChurn churn;
    private final HttpClient http = HttpClient.newHttpClient();
    private final SessionPageParser parser = new SessionPageParser(new JsonFactory());

    SimulatedPages(int sessions) {
        server = OntapSimulatorServer.builder().credentials(USER, PASSWORD).build().mount("c1", cluster).start();
        churn = server.workload(cluster);
        churn.populate(cluster, sessions);
    }

    /** Applies {@code rate} × sessions random changes (logins, logouts, connection changes, TSIH reuse). */
    void churn(double rate) {
        if (rate > 0) {
            churn.step(cluster, rate);
        }
    }

    /** Every page of the sessions collection as the cluster serves it now. */
    List<byte[]> pages() {
        List<byte[]> pages = new ArrayList<>();
        String href = "/api/protocols/san/iscsi/sessions?fields=" + OntapClient.SESSION_FIELDS
                + "&max_records=" + PAGE_SIZE;
        while (href != null) {
            byte[] page = get(server.baseUrl(cluster) + href);
            pages.add(page);
            href = nextHref(page);
        }
        return pages;
    }

    private byte[] get(String url) {
        String credentials = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Basic " + credentials)
                .header("Accept", "application/json")
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + ": HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** {@code _links.next.href} of a page, as the connector reads it. */
    private String nextHref(byte[] page) {
        try {
            return parser.scan(page).nextHref();
        } catch (MalformedResponseException e) {
            throw new IllegalStateException("the simulator served a malformed page: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
