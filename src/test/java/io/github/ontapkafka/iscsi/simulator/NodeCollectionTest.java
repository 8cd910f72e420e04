package io.github.ontapkafka.iscsi.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NodeCollectionTest {

    private static final String NODES = "/api/cluster/nodes";

    private final RunningCluster running = new RunningCluster();
    private final SimulatorClient client = running.client;

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void listsTheNodesWithTheirUuidsAndNames() {
        JsonNode page = client.json(NODES + "?fields=name,uuid");

        assertThat(page.path("num_records").asInt()).isEqualTo(2);
        JsonNode record = page.path("records").get(0);
        assertThat(RunningCluster.fieldNames(record)).containsExactly("uuid", "name");
        assertThat(record.path("name").asText()).isEqualTo("cluster1-01");
        assertThat(record.path("uuid").asText()).isEqualTo(running.cluster.nodes().get(0).uuid());
    }

    @Test
    void filtersByNameAndPagesWithAnyFilterCarried() {
        assertThat(names(client.walk(NODES + "?name=*-02"))).containsExactly("cluster1-02");

        List<JsonNode> pages = client.walk(NODES + "?max_records=1&uuid=*");

        assertThat(pages).hasSize(2);
        assertThat(names(pages)).containsExactly("cluster1-01", "cluster1-02");
        assertThat(pages.get(0).path("_links").path("next").path("href").asText()).contains("uuid=*");
    }

    @Test
    void refusesFieldsAndParametersItDoesNotKnow() throws IOException {
        assertThat(client.reply(NODES + "?fields=state").status()).isEqualTo(400);
        assertThat(client.reply(NODES + "?colour=blue").status()).isEqualTo(400);
    }

    private static List<String> names(List<JsonNode> pages) {
        List<String> names = new ArrayList<>();
        pages.forEach(page -> page.path("records").forEach(record -> names.add(record.path("name").asText())));
        return names;
    }
}
