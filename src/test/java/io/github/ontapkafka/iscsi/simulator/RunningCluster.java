package io.github.ontapkafka.iscsi.simulator;


import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;

/** One simulated cluster served under {@code /clusters/c1} on an ephemeral port, with a client for it. */
final class RunningCluster implements AutoCloseable {

    final SimulatedCluster cluster = SimulatedCluster.named("cluster1");
    final OntapSimulatorServer server;
    final SimulatorClient client;

    RunningCluster() {
        this(UnaryOperator.identity());
    }

    /** @param configure adds to the server's configuration, e.g. which tokens it accepts */
    RunningCluster(UnaryOperator<OntapSimulatorServer.Builder> configure) {
        server = configure.apply(OntapSimulatorServer.builder().credentials(SimulatorClient.USER,
                SimulatorClient.PASSWORD)).build().mount("c1", cluster).start();
        client = new SimulatorClient(server.baseUrl(cluster));
    }

    RunningCluster withSessions(int count) {
        new SessionChurn(42).populate(cluster, count);
        return this;
    }

    @Override
    public void close() {
        server.stop();
    }

    /** The key of a JSON session record, spelled as {@code SessionKey.toString()}. */
    static String key(JsonNode record) {
        return record.path("svm").path("uuid").asText() + "/" + record.path("target_portal_group").asText() + "/"
                + record.path("tsih").asInt();
    }

    static List<String> keys(List<JsonNode> pages) {
        List<String> keys = new ArrayList<>();
        pages.forEach(page -> page.path("records").forEach(record -> keys.add(key(record))));
        return keys;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    List<String> clusterKeys() {
        return cluster.sessions().stream().map(session -> session.key().toString()).toList();
    }
}
