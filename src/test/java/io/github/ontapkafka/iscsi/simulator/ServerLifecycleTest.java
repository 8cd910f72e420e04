package io.github.ontapkafka.iscsi.simulator;

import okhttp3.ConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerLifecycleTest {

    private final OntapSimulatorServer server = OntapSimulatorServer.builder()
            .credentials(SimulatorClient.USER, SimulatorClient.PASSWORD)
            .build();

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void stoppedRefusesConnectionsAndRestartsOnTheSamePortWithItsSessions() throws IOException {
        SimulatedCluster cluster = SimulatedCluster.named("cluster1");
        new SessionChurn(1).populate(cluster, 12);
        server.mount("c1", cluster).start();
        int port = server.port();
        SimulatorClient client = new SimulatorClient(server.baseUrl(cluster));
        assertThat(client.json("/api/protocols/san/iscsi/sessions").path("num_records").asInt()).isEqualTo(12);

        server.stop();

        assertThat(server.isRunning()).isFalse();
        SimulatorClient newcomer = new SimulatorClient(server.baseUrl(cluster),
                SimulatorClient.HTTP.newBuilder().connectionPool(new ConnectionPool()).build());
        assertThatThrownBy(() -> newcomer.reply("/api/cluster")).isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> client.reply("/api/cluster")).isInstanceOf(IOException.class);

        server.start();

        assertThat(server.port()).isEqualTo(port);
        assertThat(client.json("/api/protocols/san/iscsi/sessions").path("num_records").asInt()).isEqualTo(12);
    }

    @Test
    void clustersUnderTheirOwnPathsAreIndependent() {
        SimulatedCluster first = SimulatedCluster.named("alpha");
        SimulatedCluster second = SimulatedCluster.named("beta");
        new SessionChurn(1).populate(first, 3);
        new SessionChurn(2).populate(second, 5);
        server.mount("c1", first).mount("c2", second).start();

        assertThat(server.baseUrl(first)).isEqualTo("http://127.0.0.1:" + server.port() + "/clusters/c1");
        assertThat(new SimulatorClient(server.baseUrl(first)).json("/api/cluster").path("name").asText())
                .isEqualTo("alpha");
        assertThat(new SimulatorClient(server.baseUrl(second)).json("/api/protocols/san/iscsi/sessions")
                .path("num_records").asInt()).isEqualTo(5);
        assertThat(first.stats().totalRequests()).isEqualTo(1);
        assertThat(second.stats().totalRequests()).isEqualTo(1);
    }

    @Test
    void aClusterAtTheRootHasTheOriginAsItsBaseUrl() throws IOException {
        SimulatedCluster cluster = SimulatedCluster.named("solo");
        server.mountAtRoot("solo", cluster).start();

        SimulatorClient client = new SimulatorClient(server.baseUrl(cluster));

        assertThat(server.baseUrl(cluster)).isEqualTo("http://127.0.0.1:" + server.port());
        assertThat(client.json("/api/cluster").path("name").asText()).isEqualTo("solo");
        assertThat(client.reply("/elsewhere").status()).isEqualTo(404);
    }

    @Test
    void anUnknownClusterIs404() throws IOException {
        server.mount("c1", SimulatedCluster.named("cluster1")).start();

        SimulatorClient.Reply reply = new SimulatorClient("http://127.0.0.1:" + server.port() + "/clusters/c9")
                .reply("/api/cluster");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().path("error").has("message")).isTrue();
    }

    @Test
    void aClusterMountsOnlyOnce() {
        SimulatedCluster cluster = SimulatedCluster.named("cluster1");
        server.mount("c1", cluster);

        assertThatThrownBy(() -> server.mount("c2", cluster)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> server.mount("c1", SimulatedCluster.named("other")))
                .isInstanceOf(IllegalStateException.class);
    }
}
