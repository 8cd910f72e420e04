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
    void dealsClustersOutEvenlyInConfigurationOrder() {
        List<Map<String, String>> configs = taskConfigs("https://a,https://b,https://c,https://d,https://e", 2);

        assertThat(configs).extracting(c -> c.get(OntapSourceConfig.CLUSTERS))
                .containsExactly("https://a,https://c,https://e", "https://b,https://d");
    }

    @Test
    void startsNoMoreTasksThanClusters() {
        assertThat(taskConfigs("https://a,https://b", 8)).hasSize(2);
    }

    @Test
    void appendingAClusterChangesOneTaskOnly() {
        List<Map<String, String>> before = taskConfigs("https://a,https://b,https://c,https://d", 3);
        List<Map<String, String>> after = taskConfigs("https://a,https://b,https://c,https://d,https://e", 3);

        assertThat(after.get(0)).isEqualTo(before.get(0));
        assertThat(after.get(2)).isEqualTo(before.get(2));
        assertThat(after.get(1).get(OntapSourceConfig.CLUSTERS)).isEqualTo("https://b,https://e");
    }

    @Test
    void secretsTravelOnlyUnderTheConnectorsOwnKeySoTheWorkerCanRestorePlaceholders() {
        Map<String, String> task = taskConfigs("https://a", 1).get(0);

        // The worker swaps in the raw "${file:...}" value for every key it finds with a placeholder in the
        // connector config; that works only if the secret is under the same key and nowhere else.
        assertThat(task).containsEntry(OntapSourceConfig.PASSWORD, "resolved-secret");
        assertThat(task.entrySet()).filteredOn(e -> e.getValue().contains("resolved-secret")).hasSize(1);
    }
}
