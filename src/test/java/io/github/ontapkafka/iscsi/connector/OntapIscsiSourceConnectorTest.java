package io.github.ontapkafka.iscsi.connector;

import io.github.ontapkafka.iscsi.config.OntapSourceConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OntapIscsiSourceConnectorTest {

    private static List<Map<String, String>> taskConfigs(String clusters, int maxTasks) {
        OntapIscsiSourceConnector connector = new OntapIscsiSourceConnector();
        connector.start(Map.of(OntapSourceConfig.CLUSTERS, clusters, OntapSourceConfig.USERNAME, "monitor",
                OntapSourceConfig.PASSWORD, "resolved-secret", "name", "ontap"));
        return connector.taskConfigs(maxTasks);
    }

    @Test
    void givesEachTaskItsShareOfTheClusters() {
        List<Map<String, String>> configs = taskConfigs("https://a,https://b,https://c,https://d,https://e", 2);

        assertThat(configs).hasSize(2);
        assertThat(configs).extracting(c -> c.get(OntapSourceConfig.CLUSTERS).split(",").length)
                .containsExactlyInAnyOrder(3, 2);
        assertThat(String.join(",", configs.get(0).get(OntapSourceConfig.CLUSTERS),
                configs.get(1).get(OntapSourceConfig.CLUSTERS)).split(","))
                .containsExactlyInAnyOrder("https://a", "https://b", "https://c", "https://d", "https://e");
    }

    @Test
    void startsNoMoreTasksThanClusters() {
        assertThat(taskConfigs("https://a,https://b", 8)).hasSize(2);
    }

    @Test
    void secretsTravelOnlyUnderTheConnectorsOwnKeySoTheWorkerCanRestorePlaceholders() {
        Map<String, String> task = taskConfigs("https://a", 1).get(0);

        // The worker swaps in the raw "${file:...}" value for every key it finds with a placeholder in the
        // connector config; that works only if the secret is under the same key and nowhere else.
        assertThat(task).containsEntry(OntapSourceConfig.PASSWORD, "resolved-secret");
        assertThat(task.entrySet()).filteredOn(e -> e.getValue().contains("resolved-secret")).hasSize(1);
    }

    @Test
    void aTaskCarriesTheOwnSettingsOfItsClustersOnly() {
        OntapIscsiSourceConnector connector = new OntapIscsiSourceConnector();
        connector.start(Map.of(OntapSourceConfig.CLUSTERS, "lab,prod", "name", "ontap",
                OntapSourceConfig.USERNAME, "monitor", OntapSourceConfig.PASSWORD, "shared",
                "ontap.cluster.lab.url", "https://lab.example.com",
                "ontap.cluster.prod.url", "https://prod.example.com",
                "ontap.cluster.prod.password", "prod-only-secret"));

        List<Map<String, String>> configs = connector.taskConfigs(2);

        Map<String, String> lab = configs.stream().filter(c -> c.get(OntapSourceConfig.CLUSTERS).equals("lab"))
                .findFirst().orElseThrow();
        Map<String, String> prod = configs.stream().filter(c -> c.get(OntapSourceConfig.CLUSTERS).equals("prod"))
                .findFirst().orElseThrow();
        assertThat(lab).containsKey("ontap.cluster.lab.url").doesNotContainKeys("ontap.cluster.prod.url",
                "ontap.cluster.prod.password");
        assertThat(prod).containsEntry("ontap.cluster.prod.password", "prod-only-secret")
                .doesNotContainKey("ontap.cluster.lab.url");
        assertThat(new OntapSourceConfig(lab).clusters()).singleElement().extracting(c -> c.url().toString())
                .isEqualTo("https://lab.example.com");
    }
}
